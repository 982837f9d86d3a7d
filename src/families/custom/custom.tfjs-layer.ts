// `shapecheck>custom>${name}`: the tfjs layer of a user's defineLayer definition, one class per
// definition, registered for (de)serialization as soon as both the definition and the runtime are
// loaded (so a model.json that uses it loads wherever the definition is imported). Its parameters are
// tfjs weights named as in PyTorch's state_dict; its call is the definition's forward, in PyTorch's
// layout; its computeOutputShape is the definition's runtime twin.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { ShapeError } from "../../errors.ts";
import { showShape, type RuntimeShape } from "../../shape/dims.ts";
import { onDefine, type AnyDefinition, type ParamInit } from "./define-layer.ts";

/** A custom layer's name in model.json. */
export const customClassName = (name: string): string => `shapecheck>custom>${name}`;

/** A parameter as saved in model.json: its shape and how it starts. */
export interface SavedParam {
  shape: number[];
  init?: ParamInit;
}

/**
 * A value in model.json as JSON text under a `name` key: tfjs turns every key and string of a layer's
 * config to snake_case when saving and to camelCase when loading (`bias_vec` would come back `biasVec`),
 * except a string under `name`.
 */
interface Verbatim {
  name: string;
}
const verbatim = (value: unknown): Verbatim => ({ name: JSON.stringify(value) });
const unwrap = <T>(value: T | Verbatim): T =>
  typeof value === "object" && value !== null && "name" in value && typeof value.name === "string"
    ? (JSON.parse(value.name) as T)
    : (value as T);

export interface CustomArgs {
  /** The settings and parameters (from model.json: as saved by getConfig). */
  settings: object | Verbatim;
  params: Record<string, SavedParam> | Verbatim;
  name?: string;
  trainable?: boolean;
}

function initializer(init: ParamInit | undefined): ReturnType<typeof tfl.initializers.zeros> {
  if (init === undefined || init === "zeros") return tfl.initializers.zeros();
  if (init === "ones") return tfl.initializers.ones();
  return "normal" in init
    ? tfl.initializers.randomNormal({ mean: 0, stddev: init.normal })
    : tfl.initializers.randomUniform({ minval: -init.uniform, maxval: init.uniform });
}

export const writeForwardShapeMessage = (
  name: string,
  got: readonly number[],
  expected: readonly (number | null)[],
  input: readonly number[],
): string =>
  `${name}: the forward computation gave a tensor of shape ${showShape(got)}, the shape rule says ${showShape(expected)} (input ${showShape(input)})`;

/** What every definition's class shares; `definition` is the class's own. */
abstract class CustomTfjsLayer extends tfl.layers.Layer {
  protected abstract readonly definition: AnyDefinition;
  readonly settings: object;
  readonly paramSpecs: Record<string, SavedParam>;
  private readonly variables: Record<string, tfl.LayerVariable> = {};

  constructor(args: CustomArgs) {
    super({ name: args.name, trainable: args.trainable ?? true });
    this.settings = unwrap<object>(args.settings);
    this.paramSpecs = unwrap<Record<string, SavedParam>>(args.params);
  }

  override build(): void {
    for (const [key, param] of Object.entries(this.paramSpecs)) {
      this.variables[key] = this.addWeight(key, param.shape, "float32", initializer(param.init));
    }
    this.built = true;
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    const output = this.definition.spec.outputShape(this.settings, inputShape as RuntimeShape);
    if (typeof output === "string") throw new ShapeError(output);
    return output.map((dim) => (typeof dim === "number" ? dim : null));
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const y = tf.tidy(() => {
      const params = Object.fromEntries(Object.entries(this.variables).map(([key, v]) => [key, v.read()]));
      return this.definition.spec.forward(x, params, tf, this.settings);
    });
    // A forward that does not compute what the rule says would be a silent wrong shape: refuse it.
    const expected = this.computeOutputShape(x.shape);
    if (y.shape.length !== expected.length || expected.some((dim, i) => dim !== null && dim !== y.shape[i])) {
      y.dispose();
      throw new ShapeError(writeForwardShapeMessage(this.definition.name, y.shape, expected, x.shape));
    }
    return y;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      settings: verbatim(this.settings) as unknown as tf.serialization.ConfigDict,
      params: verbatim(this.paramSpecs) as unknown as tf.serialization.ConfigDict,
    };
  }
}

type CustomClass = new (args: CustomArgs) => CustomTfjsLayer;
const classes = new Map<string, { definition: AnyDefinition; cls: CustomClass }>();

/** The tfjs class of a definition, made and registered once (again when the name is defined anew). */
export function classOf(definition: AnyDefinition): CustomClass {
  const known = classes.get(definition.name);
  if (known?.definition === definition) return known.cls;
  const cls = class extends CustomTfjsLayer {
    static className = customClassName(definition.name);
    protected readonly definition = definition;
  };
  tf.serialization.registerClass(cls);
  classes.set(definition.name, { definition, cls });
  return cls;
}

// Every definition, made before this module was loaded or after, gets its class.
onDefine((definition) => void classOf(definition));

export const writeMissingDefinitionMessage = (where: string, name: string): string =>
  `load(${where}): the model uses the custom layer "${name}" (shapecheck>custom>${name}), which is not defined here: import the file that calls defineLayer({ name: "${name}", … }) before loading`;

/**
 * tfjs's error for a class it does not know, when the class is a custom layer's: a ModelFileError-worthy
 * message naming the missing definition (else `undefined`).
 */
export function missingDefinition(error: unknown, where: string): string | undefined {
  const message = error instanceof Error ? error.message : "";
  const match = /Unknown layer: shapecheck>custom>([A-Za-z0-9$]+)/.exec(message);
  return match ? writeMissingDefinitionMessage(where, match[1]!) : undefined;
}
