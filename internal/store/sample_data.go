package store

import "context"

// SampleNotePrefix starts the note of every revision of generated
// demonstration data (the demo loader writes it).
const SampleNotePrefix = "示例数据"

// HoldsSampleData reports whether the database holds demonstration data:
// a revision whose note starts with SampleNotePrefix. Pages of such a
// database carry a 示例数据 watermark.
func (db *DB) HoldsSampleData(ctx context.Context) (ok bool, err error) {
	defer wrap(&err, "HoldsSampleData")
	err = db.sql.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM revisions WHERE note LIKE $1)`,
		SampleNotePrefix+"%").Scan(&ok)
	return ok, err
}
