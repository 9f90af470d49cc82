package ingest

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
)

// ImportWide imports a wide table of figures as one revision: one row per
// unit (代码, optionally 名称, 市州, 类型, 类型2, 期间, 备注), then one column
// per indicator, headed by its code, its Chinese name or the template's
// "名称（code）". The period comes from the table's 期间 column; to give it
// for the whole table, call ImportWideOpts with Options.Period.
//
// An empty cell is not imported (the figure keeps its previous value); NA
// imports a missing figure. Columns headed 参考… (the template's last-year
// figures) are skipped. Every problem — an unknown unit or column, a cell
// that is not a number, an indicator the user's department does not provide
// — is returned at once as table.Errors, and then nothing is written.
func ImportWide(ctx context.Context, db *store.DB, actor store.Actor, user auth.User, t *table.Table, note store.RevisionNote) (store.Revision, error) {
	return ImportWideOpts(ctx, db, actor, user, t, Options{Note: note})
}

// ImportWideOpts is ImportWide with every option.
func ImportWideOpts(ctx context.Context, db *store.DB, actor store.Actor, user auth.User, t *table.Table, opts Options) (store.Revision, error) {
	opts.Note = withDefaults(opts.Note, "import", t)
	rows, err := CheckWide(ctx, db, user, t, opts)
	if err != nil {
		return store.Revision{}, err
	}
	rev, err := db.ImportObservations(ctx, actor, opts.Note, rows)
	return rev, wrapStore(err, "figures")
}

// CheckWide checks a wide table as ImportWideOpts does and returns the
// figures it would import, without writing anything: a dry run.
func CheckWide(ctx context.Context, db *store.DB, user auth.User, t *table.Table, opts Options) ([]store.Observation, error) {
	l := &errorList{t: t}
	if !auth.Can(user, auth.Write, auth.Resource{Kind: auth.KindObservation, Department: user.Department}) {
		l.file("ingest.norights", who(user), message("ingest.what.obs"))
		return nil, forbidden{l.errs}
	}
	if opts.Status != "" && !opts.Status.Valid() {
		return nil, &table.Error{File: t.File, Msg: locale.M("ingest.status", string(opts.Status))}
	}
	c, err := loadCatalogue(ctx, db)
	if err != nil {
		return nil, err
	}
	codeCol, periodCol, noteCol := findColumn(t, codeColumns), findColumn(t, periodColumns), findColumn(t, noteColumns)
	if codeCol < 0 {
		l.add(t.MissingColumn(codeColumns[0]))
	}
	def, periodOK := defaultPeriod(l, opts.Period, periodCol >= 0)
	cols := wideColumns(l, c, codeCol, periodCol, noteCol)
	if codeCol < 0 || !periodOK || len(l.errs) > 0 && len(cols) == 0 {
		return nil, l.err()
	}
	source := opts.Note.Source
	rows := make([]store.Observation, 0, len(t.Rows)*len(cols))
	type unitPeriod struct{ unit, period string }
	first := make(map[unitPeriod]int, len(t.Rows))
	denied := make([][]int, len(cols)) // per column, the rows the user may not write
	filled := make([]int, len(cols))   // per column, the numbers given for known units
	for r, row := range t.Rows {
		code := strings.TrimSpace(row[codeCol])
		period := periodOf(l, r, periodCol, def)
		known := false
		switch _, ok := c.units[code]; {
		case code == "":
			l.at(r, codeCol, "ingest.nocode")
		case !ok:
			l.at(r, codeCol, "ingest.unit", code)
		default:
			known = true
			k := unitPeriod{code, period}
			if line, dup := first[k]; dup {
				l.at(r, codeCol, "ingest.dupunit", code, line)
			} else {
				first[k] = t.Lines[r]
			}
		}
		note := ""
		if noteCol >= 0 {
			note = strings.TrimSpace(row[noteCol])
		}
		res := auth.Resource{Kind: auth.KindObservation, Unit: code, Prefecture: c.prefecture(code)}
		for k, col := range cols {
			s := strings.TrimSpace(row[col.index])
			if s == "" {
				continue
			}
			v, why, args := t.CellNumber(r, col.index)
			if why != "" {
				l.at(r, col.index, why, args...)
				continue
			}
			if !known {
				continue
			}
			filled[k]++
			res.Department = col.ind.Department
			if !auth.Can(user, auth.Write, res) {
				denied[k] = append(denied[k], r)
				continue
			}
			if period != "" {
				rows = append(rows, store.Observation{Unit: code, Indicator: col.ind.Code, Period: period, Value: v,
					Status: opts.Status, Source: source, Note: note})
			}
		}
	}
	for k, rs := range denied {
		ind := cols[k].ind
		switch {
		case len(rs) == 0:
		case len(rs) == filled[k]: // the whole column: say it once, at its header
			l.at(-1, cols[k].index, "ingest.forbidden", ind.Code, ind.NameZH, ind.Department, who(user))
		default:
			for _, r := range rs {
				l.at(r, cols[k].index, "ingest.forbidcell", who(user), strings.TrimSpace(t.Rows[r][codeCol]), ind.Code)
			}
		}
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		l.file("ingest.nodata")
		return nil, l.err()
	}
	return rows, nil
}

// wideColumn is an indicator column of a wide table.
type wideColumn struct {
	index int
	ind   store.Indicator
}

// wideColumns resolves the header: identity, note and reference columns
// are skipped, every other column must name an indicator, once.
func wideColumns(l *errorList, c *catalogue, skip ...int) []wideColumn {
	t := l.t
	var cols []wideColumn
	seen := map[string]int{}
	for i, h := range t.Header {
		switch {
		case slices.Contains(skip, i), strings.HasPrefix(h, ReferencePrefix),
			slices.Contains(nameColumns, h), slices.Contains(ignoredColumns, h):
			continue
		case h == "":
			// A column without a header is an error only when it holds
			// something: CSV files often end in an empty column.
			if slices.ContainsFunc(t.Rows, func(row []string) bool { return strings.TrimSpace(row[i]) != "" }) {
				l.at(-1, i, "ingest.column", h)
			}
			continue
		}
		code, ok := c.indicatorOf(h)
		if !ok {
			l.at(-1, i, "ingest.column", h)
			continue
		}
		if j, dup := seen[code]; dup {
			l.at(-1, i, "ingest.dupcolumn", code, columnName(t, j))
			continue
		}
		seen[code] = i
		cols = append(cols, wideColumn{index: i, ind: c.indicators[code]})
	}
	if len(cols) == 0 && len(l.errs) == 0 {
		l.file("ingest.noindicator")
	}
	return cols
}

// columnName names 0-based column j as the user's program does: B for a
// workbook, 2 for CSV.
func columnName(t *table.Table, j int) string {
	if t.Sheet != "" {
		return table.ColumnLetters(j + 1)
	}
	return strconv.Itoa(j + 1)
}

// message is a catalogue message used as an argument of another, rendered
// in that message's language.
type message string

// Message renders the message in lang.
func (m message) Message(lang string) string { return locale.M(string(m)).In(locale.Lang(lang)) }
