//! The `lcfs-db` command line.

fn main() {}
