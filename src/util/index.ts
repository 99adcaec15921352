export { createRng, type Rng, type Seed } from "./rng.js";
