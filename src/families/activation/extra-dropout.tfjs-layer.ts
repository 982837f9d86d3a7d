// `shapecheck>FeatureAlphaDropout`: PyTorch's feature_alpha_dropout while training (the same noise for a whole
// channel; the identity otherwise), in tf ops; registered for (de)serialization.
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";

export interface FeatureAlphaDropoutArgs {
  p: number;
  /** The physical axis of the channels. */
  axis: number;
  name?: string;
}

const alphaPrime = -1.7580993408473766; // −scale·alpha of SELU

export class FeatureAlphaDropout extends tfl.layers.Layer {
  static className = "shapecheck>FeatureAlphaDropout";
  readonly settings: FeatureAlphaDropoutArgs;

  constructor(args: FeatureAlphaDropoutArgs) {
    super({ name: args.name });
    this.settings = { p: args.p, axis: args.axis };
  }

  override computeOutputShape(inputShape: tfl.Shape | tfl.Shape[]): tfl.Shape {
    return inputShape as tfl.Shape;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const { p, axis } = this.settings;
    if (!kwargs?.training || p === 0) return x;
    return tf.tidy(() => {
      const noise = x.shape.map((d, i) => (i === 0 || i === axis ? d : 1));
      const keep = tf.step(tf.sub(tf.randomUniform(noise), p));
      const a = 1 / Math.sqrt((1 - p) * (1 + p * alphaPrime * alphaPrime));
      const b = -a * alphaPrime * p;
      const dropped = tf.add(tf.mul(x, keep), tf.mul(alphaPrime, tf.sub(1, keep)));
      return p === 1 ? tf.zerosLike(x) : tf.add(tf.mul(a, dropped), b);
    });
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), p: this.settings.p, axis: this.settings.axis };
  }
}
tf.serialization.registerClass(FeatureAlphaDropout);
