#[lcfs_db::test]
async fn no_argument() {}

fn main() {}
