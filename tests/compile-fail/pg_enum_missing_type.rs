use lcfs_db::PgEnum;

#[derive(Debug, Clone, Copy, PgEnum)]
enum Role {
    Government,
}

fn main() {}
