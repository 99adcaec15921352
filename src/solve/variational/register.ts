// Registers the variational samplers with the solver registry when this module loads, so that
// `solve(problem, { mode: "quantum" })` runs `qaoa` (and `solver: "vqe"` runs VQE).
import { registerSampler } from "../registry.js";
import { qaoaSampler } from "./qaoa-sampler.js";
import { vqeSampler } from "./vqe-sampler.js";

registerSampler(qaoaSampler);
registerSampler(vqeSampler);
