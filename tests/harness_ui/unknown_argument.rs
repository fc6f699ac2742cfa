#[lcfs_db::test(fresh)]
async fn unknown_argument(db: lcfs_db::testing::TestDatabase) {
    let _ = db;
}

fn main() {}
