#[lcfs_db::test]
async fn two_arguments(db: lcfs_db::testing::TestDatabase, other: lcfs_db::testing::TestDatabase) {
    let _ = (db, other);
}

fn main() {}
