package store

import (
	"strconv"
	"strings"
)

// insertBatch inserts n rows into table with multi-row INSERTs, as many rows
// a statement as the dialect's parameter limit allows (SQLite 32766,
// PostgreSQL 65535; we stay well below both). One statement per few
// hundred rows is what makes a 180,000-figure import take a second instead
// of a minute. row(i, dst) appends the i-th row's values to dst.
func (t *txn) insertBatch(table string, cols []string, n int, row func(i int, dst []any) []any) error {
	per := 16000 / len(cols)
	if t.db.dialect == Postgres {
		per = 32000 / len(cols)
	}
	head := "INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES "
	args := make([]any, 0, per*len(cols))
	var stmt strings.Builder
	var last string // the SQL text of the last full batch, reused
	for start := 0; start < n; start += per {
		end := min(start+per, n)
		args = args[:0]
		for i := start; i < end; i++ {
			args = row(i, args)
		}
		if end-start != per || last == "" {
			stmt.Reset()
			stmt.WriteString(head)
			p := 1
			for i := start; i < end; i++ {
				if i > start {
					stmt.WriteString(", ")
				}
				stmt.WriteByte('(')
				for c := range cols {
					if c > 0 {
						stmt.WriteString(", ")
					}
					stmt.WriteByte('$')
					stmt.WriteString(strconv.Itoa(p))
					p++
				}
				stmt.WriteByte(')')
			}
			if end-start == per {
				last = stmt.String()
			}
		}
		q := last
		if end-start != per {
			q = stmt.String()
		}
		if _, err := t.Exec(q, args...); err != nil {
			return err
		}
	}
	return nil
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
