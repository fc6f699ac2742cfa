use lcfs_db::PgEnum;

#[derive(Debug, Clone, Copy, PgEnum)]
#[pg_enum(type = "role_enum")]
enum Role {
    Government,
    Supplier(u8),
}

fn main() {}
