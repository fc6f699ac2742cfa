use lcfs_db::Row;

#[derive(Row)]
struct Organization {
    #[row(rename = "name")]
    #[row(rename = "title")]
    name: String,
}

fn main() {}
