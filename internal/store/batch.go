package store

import (
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
)

// insertBatch inserts n rows into table, fast: a 180,000-figure import
// takes about a second on either database. row(i, dst) appends the i-th
// row's values to dst.
//
// This is the one place where the SQL differs by dialect. PostgreSQL gets
// COPY (copyFrom). SQLite gets multi-row INSERTs, as many rows a statement as
// stay well below its 32766-parameter limit, the full-size statement
// prepared once, with plain ? placeholders: SQLite looks $N names up in a
// list, linearly, when it parses and when it binds each parameter, so a
// statement with 16,000 $N parameters costs quadratic time (two minutes for
// 180,000 figures). The rewrite is safe because each parameter of a
// generated INSERT appears once, in order.
func (t *txn) insertBatch(table string, cols []string, n int, row func(i int, dst []any) []any) error {
	if t.db.dialect == Postgres {
		return t.copyFrom(table, cols, n, row)
	}
	per := 16000 / len(cols)
	var full *sql.Stmt
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, min(per, n)*len(cols))
	for start := 0; start < n; start += per {
		end := min(start+per, n)
		args = args[:0]
		for i := start; i < end; i++ {
			args = row(i, args)
		}
		var err error
		switch {
		case end-start < per:
			_, err = t.Exec(insertSQL(table, cols, end-start), args...)
		case full == nil:
			if full, err = t.Prepare(insertSQL(table, cols, per)); err == nil {
				_, err = full.Exec(args...)
			}
		default:
			_, err = full.Exec(args...)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// insertSQL returns INSERT INTO table (cols) VALUES (?, …), … for rows rows,
// with SQLite's positional placeholders (see insertBatch).
func insertSQL(table string, cols []string, rows int) string {
	one := "(" + strings.Repeat("?, ", len(cols)-1) + "?)"
	var b strings.Builder
	b.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
	for r := range rows {
		if r > 0 {
			b.WriteString(", ")
		}
		b.WriteString(one)
	}
	return b.String()
}

// placeholders returns "$from, $from+1, …" for n values, for IN lists (the
// store uses no arrays, so that the SQL stays the same on both databases).
func placeholders(from, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('$')
		b.WriteString(strconv.Itoa(from + i))
	}
	return b.String()
}

// splitColumns splits a column list written as "a, b, c".
func splitColumns(cols string) []string {
	parts := strings.Split(cols, ",")
	for i, p := range parts {
		parts[i] = strings.TrimSpace(p)
	}
	return parts
}

// copyFrom loads rows with PostgreSQL's COPY, inside the transaction: the
// driver connection under database/sql is the one that began it. COPY
// sends the rows in binary without a parameter list, three times faster
// than multi-row INSERTs for a large import.
func (t *txn) copyFrom(table string, cols []string, n int, row func(i int, dst []any) []any) error {
	return t.conn.Raw(func(dc any) error {
		c, ok := dc.(*stdlib.Conn)
		if !ok {
			return fmt.Errorf("store: driver connection is %T, not pgx", dc)
		}
		i := 0
		_, err := c.Conn().CopyFrom(t.ctx, pgx.Identifier{table}, cols, pgx.CopyFromFunc(func() ([]any, error) {
			if i == n {
				return nil, nil // end of data
			}
			i++
			return row(i-1, make([]any, 0, len(cols))), nil
		}))
		return err
	})
}

// largeWrite prepares t for writing about rows rows and returns what undoes
// it: on SQLite, from 10,000 rows on, a page cache of up to 256 MB for the
// connection instead of 2 MB, so that the inserts into a large table's
// indexes (nine on invest_projects, in orders unlike the rows') find their
// pages in memory instead of writing them out and reading them back.
func (t *txn) largeWrite(rows int) func() {
	if t.db.dialect != SQLite || rows < 10_000 {
		return func() {}
	}
	var before int64
	if err := t.QueryRow(`PRAGMA cache_size`).Scan(&before); err != nil {
		return func() {}
	}
	if _, err := t.Exec(`PRAGMA cache_size = -262144`); err != nil {
		return func() {}
	}
	return func() { t.Exec(fmt.Sprintf(`PRAGMA cache_size = %d`, before)) }
}
