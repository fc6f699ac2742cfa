//! Build-time code generation from `migrations/`; included by the root `build.rs`.
