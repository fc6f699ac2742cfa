//! How many ready clones a pool keeps at most: one per test libtest runs at once, since each
//! running test holds one database and the next test wants the next.

use std::sync::OnceLock;

/// The variable that sets the pool size (`0` turns the pool off).
pub(crate) const POOL_SIZE_VARIABLE: &str = "LCFS_DB_TEST_POOL";

/// `LCFS_DB_TEST_POOL`, else libtest's thread count: `--test-threads`, else
/// `RUST_TEST_THREADS`, else the available parallelism.
pub(crate) fn size() -> usize {
    static SIZE: OnceLock<usize> = OnceLock::new();
    *SIZE.get_or_init(|| {
        let variable = |name| std::env::var(name).ok();
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        pool_size(
            variable(POOL_SIZE_VARIABLE),
            std::env::args(),
            variable("RUST_TEST_THREADS"),
            cores,
        )
    })
}

fn pool_size(
    configured: Option<String>,
    args: impl IntoIterator<Item = String>,
    test_threads_variable: Option<String>,
    cores: usize,
) -> usize {
    let number = |text: &str| text.trim().parse::<usize>().ok();
    if let Some(size) = configured.as_deref().and_then(number) {
        return size;
    }
    let mut args = args.into_iter();
    let mut from_args = None;
    while let Some(arg) = args.next() {
        from_args = match arg.strip_prefix("--test-threads") {
            Some("") => args.next().as_deref().and_then(number),
            Some(value) => value.strip_prefix('=').and_then(number),
            None => from_args,
        };
    }
    from_args
        .or_else(|| test_threads_variable.as_deref().and_then(number))
        .filter(|threads| *threads > 0)
        .unwrap_or(cores)
}

#[cfg(test)]
mod tests {
    use super::pool_size;

    fn size(configured: Option<&str>, args: &[&str], variable: Option<&str>) -> usize {
        let args = args.iter().map(|arg| arg.to_string());
        pool_size(
            configured.map(Into::into),
            args,
            variable.map(Into::into),
            4,
        )
    }

    #[test]
    fn follows_libtest_thread_count() {
        assert_eq!(size(None, &["bin"], None), 4);
        assert_eq!(size(None, &["bin"], Some("3")), 3);
        assert_eq!(size(None, &["bin", "--test-threads=2"], Some("3")), 2);
        assert_eq!(size(None, &["bin", "--test-threads", "5", "x"], None), 5);
        assert_eq!(size(None, &["bin", "--test-threads=0"], None), 4);
    }

    #[test]
    fn the_variable_wins_and_zero_turns_the_pool_off() {
        assert_eq!(size(Some("0"), &["bin", "--test-threads=2"], None), 0);
        assert_eq!(size(Some("7"), &["bin"], Some("3")), 7);
        assert_eq!(size(Some("many"), &["bin"], Some("3")), 3);
    }
}
