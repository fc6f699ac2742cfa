//! Tests of the build-time code generation: expected-output fixtures under `tests/codegen/`,
//! and unit tests of each step.

mod expected;
mod fixtures;
