//! What `#[lcfs_db::test]` expands to calls: a runtime per test, a database per test, and the
//! database dropped when the test passed.

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};

use super::TestDatabaseBuilder;
use super::kept::finish;

/// A test's result: `()` or a `Result`, as `#[test]` functions return.
pub trait TestOutcome {
    /// Whether the test passed (always for `()`, `Ok` for a `Result`): its database is then
    /// dropped, else kept.
    fn passed(&self) -> bool;
}

impl TestOutcome for () {
    fn passed(&self) -> bool {
        true
    }
}

impl<T, E> TestOutcome for Result<T, E> {
    fn passed(&self) -> bool {
        self.is_ok()
    }
}

/// Runs `test` on a runtime of its own with a database from `database`; keeps the database
/// when the test panics or returns an error.
#[doc(hidden)]
pub fn run_test<Test, Fut>(database: TestDatabaseBuilder, test: Test) -> Fut::Output
where
    Test: FnOnce(super::TestDatabase) -> Fut,
    Fut: Future,
    Fut::Output: TestOutcome,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime for the test");
    let mut db = runtime
        .block_on(database.create())
        .unwrap_or_else(|error| panic!("creating the test database failed: {error}"));
    let (name, url, label) = db.take_over();
    let outcome = catch_unwind(AssertUnwindSafe(|| runtime.block_on(test(db))));
    // Ends the test's connections before its database is dropped.
    drop(runtime);
    match outcome {
        Ok(outcome) => {
            finish(name, &url, label.as_deref(), outcome.passed());
            outcome
        }
        Err(panic) => {
            finish(name, &url, label.as_deref(), false);
            resume_unwind(panic)
        }
    }
}
