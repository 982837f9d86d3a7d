// A DCGAN (Radford et al.; pytorch/examples, dcgan/main.py) at 32×32 with few channels: a
// generator and a discriminator written as models, then used as layers of other models. The
// discriminator is applied to real images and to the generator's output in one graph: one model
// object used twice, so its weights are shared (as `netD(real)` and `netD(netG(z))` in PyTorch).
import { graph, input, named, nn, sequential } from "shapecheck";

export const nz = 16; // the latent vector's size

/** The generator: a latent vector [nz, 1, 1] → an image [3, 32, 32] (transposed convolutions). */
export const netG = named(
  "netG",
  sequential(
    input([nz, 1, 1]),
    nn.convTranspose2d(nz, 32, 4, 1, 0), // [n, 32, 4, 4]
    nn.batchNorm2d(32),
    nn.relu(),
    nn.convTranspose2d(32, 16, 4, 2, 1), // [n, 16, 8, 8]
    nn.batchNorm2d(16),
    nn.relu(),
    nn.convTranspose2d(16, 8, 4, 2, 1), // [n, 8, 16, 16]
    nn.batchNorm2d(8),
    nn.relu(),
    nn.convTranspose2d(8, 3, 4, 2, 1), // [n, 3, 32, 32]
    nn.tanh(),
  ),
);

/** The discriminator: an image [3, 32, 32] → the probability that it is real, [1]. */
export const netD = named(
  "netD",
  sequential(
    input([3, 32, 32]),
    nn.conv2d(3, 8, 4, 2, 1), // [n, 8, 16, 16]
    nn.leakyRelu(0.2),
    nn.conv2d(8, 16, 4, 2, 1), // [n, 16, 8, 8]
    nn.batchNorm2d(16),
    nn.leakyRelu(0.2),
    nn.conv2d(16, 32, 4, 2, 1), // [n, 32, 4, 4]
    nn.batchNorm2d(32),
    nn.leakyRelu(0.2),
    nn.conv2d(32, 1, 4, 1, 0), // [n, 1, 1, 1]
    nn.flatten(),
    nn.sigmoid(),
  ),
);

/** The generator through the discriminator: D(G(z)), the model of the generator's step. */
export const generatorThroughD = sequential(input([nz, 1, 1]), netG, netD); // [n, 1]

// One graph with the discriminator applied twice: on real images and on generated ones.
const z = input([nz, 1, 1]);
const real = input([3, 32, 32]);
const fake = z.pipe(netG); // Symbolic<[number, 3, 32, 32]>
export const gan = graph({ inputs: [z, real], outputs: [real.pipe(netD), fake.pipe(netD)] }); // [n, 1] twice
