// VGG-16 (torchvision's vgg16, configuration "D") on 224 × 224 images: five blocks of 3×3 convs
// with padding 1, each ending in a 2×2 max pool: 224 → 7; 512 × 7 × 7 = 25088 features.
import { input, nn, sequential } from "shapecheck";

export const vgg16 = sequential(
  input([3, 224, 224]),
  nn.conv2d(3, 64, 3, 1, 1), nn.relu(),
  nn.conv2d(64, 64, 3, 1, 1), nn.relu(),
  nn.maxPool2d(2, 2),
  nn.conv2d(64, 128, 3, 1, 1), nn.relu(),
  nn.conv2d(128, 128, 3, 1, 1), nn.relu(),
  nn.maxPool2d(2, 2),
  nn.conv2d(128, 256, 3, 1, 1), nn.relu(),
  nn.conv2d(256, 256, 3, 1, 1), nn.relu(),
  nn.conv2d(256, 256, 3, 1, 1), nn.relu(),
  nn.maxPool2d(2, 2),
  nn.conv2d(256, 512, 3, 1, 1), nn.relu(),
  nn.conv2d(512, 512, 3, 1, 1), nn.relu(),
  nn.conv2d(512, 512, 3, 1, 1), nn.relu(),
  nn.maxPool2d(2, 2),
  nn.conv2d(512, 512, 3, 1, 1), nn.relu(),
  nn.conv2d(512, 512, 3, 1, 1), nn.relu(),
  nn.conv2d(512, 512, 3, 1, 1), nn.relu(),
  nn.maxPool2d(2, 2),
  nn.flatten(),
  nn.linear(25088, 4096), nn.relu(), nn.dropout(0.5),
  nn.linear(4096, 4096), nn.relu(), nn.dropout(0.5),
  nn.linear(4096, 1000),
);
