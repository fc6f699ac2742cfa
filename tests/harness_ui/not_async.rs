#[lcfs_db::test]
fn not_async(db: lcfs_db::testing::TestDatabase) {
    let _ = db;
}

fn main() {}
