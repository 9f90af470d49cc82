package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// Status is where a figure stands in its checking.
type Status string

// The statuses of a figure.
const (
	StatusReported  Status = "reported"  // as the providing department sent it
	StatusConfirmed Status = "confirmed" // checked by the county (核对无误)
	StatusObjected  Status = "objected"  // the county objects (异议)
	StatusCorrected Status = "corrected" // changed after an objection or a re-check
	StatusEstimated Status = "estimated" // an estimate in place of a missing report
	StatusImputed   Status = "imputed"   // filled by the method's imputation
)

// Valid reports whether s is one of the six statuses.
func (s Status) Valid() bool {
	switch s {
	case StatusReported, StatusConfirmed, StatusObjected, StatusCorrected, StatusEstimated, StatusImputed:
		return true
	}
	return false
}

// Observation is one figure: unit × indicator × period → value. Value is NaN
// when the figure is known to be missing (stored as NULL). Revision is set by
// the store.
type Observation struct {
	Unit      string
	Indicator string
	Period    string
	Value     float64
	Status    Status
	Source    string
	Note      string
	Revision  int64
}

// Key returns the figure's identity across revisions.
func (o Observation) Key() ObservationKey {
	return ObservationKey{Unit: o.Unit, Indicator: o.Indicator, Period: o.Period}
}

// ObservationKey names a figure regardless of its revisions.
type ObservationKey struct {
	Unit, Indicator, Period string
}

func nullFloat(v float64) any {
	if math.IsNaN(v) {
		return nil
	}
	return v
}

func floatOf(v sql.NullFloat64) float64 {
	if !v.Valid {
		return math.NaN()
	}
	return v.Float64
}

var observationInsertColumns = []string{"unit_code", "indicator_code", "period_code", "revision_id", "value", "status", "source", "note"}

const observationColumns = `o.unit_code, o.indicator_code, o.period_code, o.value, o.status, o.source, o.note, o.revision_id`

func scanObservation(s scanner) (Observation, error) {
	var o Observation
	var v sql.NullFloat64
	err := s.Scan(&o.Unit, &o.Indicator, &o.Period, &v, &o.Status, &o.Source, &o.Note, &o.Revision)
	o.Value = floatOf(v)
	return o, err
}

// maxListedErrors bounds how many bad rows an import error lists.
const maxListedErrors = 20

// ImportObservations adds rows as one new revision, all or nothing: each row
// must name a known unit and indicator and a valid period (added when new),
// at most once; an empty Status is "reported". Nothing is overwritten: the
// previous values stay readable as of earlier revisions. One audit row
// records the revision and its size. The rows are updated in place with their
// revision, status and canonical period.
func (db *DB) ImportObservations(ctx context.Context, actor Actor, note RevisionNote, rows []Observation) (rev Revision, err error) {
	defer wrap(&err, "ImportObservations(%s)", note.Source)
	periods, err := db.validateObservations(ctx, rows)
	if err != nil {
		return rev, err
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.ensurePeriods(periods); err != nil {
			return err
		}
		if rev, err = t.newRevision(note); err != nil {
			return err
		}
		if err := t.insertObservations(rev.ID, rows, periods); err != nil {
			return err
		}
		return t.audit(note.Kind, "revision", fmt.Sprint(rev.ID),
			map[string]any{"observations": len(rows), "source": note.Source, "note": note.Note})
	})
	return rev, err
}

// validateObservations checks rows as ImportObservations does (known unit
// and indicator, valid status and period, each figure once; an empty Status
// becomes reported) and returns the set of their periods for ensurePeriods.
func (db *DB) validateObservations(ctx context.Context, rows []Observation) (map[string]string, error) {
	if len(rows) == 0 {
		return nil, refuse(ErrInvalid, "store.obs.nothing")
	}
	units, err := db.codeSet(ctx, `SELECT code FROM units`)
	if err != nil {
		return nil, err
	}
	indicators, err := db.codeSet(ctx, `SELECT code FROM indicators`)
	if err != nil {
		return nil, err
	}
	periods := map[string]string{}
	seen := make(map[ObservationKey]bool, len(rows))
	var bad []any // locale.Message
	for i := range rows {
		o := &rows[i]
		if o.Status == "" {
			o.Status = StatusReported
		}
		var why locale.Message // Key "" when the row is good
		switch {
		case !units[o.Unit]:
			why = locale.M("store.obs.unknownUnit", o.Unit)
		case !indicators[o.Indicator]:
			why = locale.M("store.obs.unknownIndicator", o.Indicator)
		case !o.Status.Valid():
			why = locale.M("store.obs.unknownStatus", string(o.Status))
		case math.IsInf(o.Value, 0):
			why = locale.M("store.obs.infinite")
		case seen[o.Key()]:
			why = locale.M("store.obs.twice", o.Unit, o.Indicator, o.Period)
		}
		if _, err := ParsePeriod(o.Period); err != nil && why.Key == "" {
			why = locale.M("store.obs.period", o.Period)
		}
		if why.Key != "" {
			if len(bad) < maxListedErrors {
				bad = append(bad, locale.M("store.obs.row", i+1, localized(why)))
			}
			continue
		}
		seen[o.Key()] = true
		periods[o.Period] = ""
	}
	if len(bad) > 0 {
		return nil, refuse(ErrInvalid, "store.obs.problems", problems{term{"；", "; "}, bad})
	}
	return periods, nil
}

// insertObservations writes rows as revision rev, in the order of the
// table's key (period, indicator, unit), whatever order the file had: each
// page of the B-tree is then filled once rather than visited again and
// again (the caller's slice keeps its order).
func (t *txn) insertObservations(rev int64, rows []Observation, periods map[string]string) error {
	for i := range rows {
		o := &rows[i]
		if c := periods[o.Period]; c != "" {
			o.Period = c
		}
		o.Revision = rev
	}
	order := keyOrder(rows)
	return t.insertBatch("observations", observationInsertColumns, len(rows), func(i int, dst []any) []any {
		o := &rows[order[i]]
		return append(dst, o.Unit, o.Indicator, o.Period, rev, nullFloat(o.Value), string(o.Status), o.Source, o.Note)
	})
}

// keyOrder returns the indexes of rows in the order of the table's key:
// grouped by period and indicator (few groups, sorted), each group by unit
// (left as it is when a wide table already gave it in order), which costs
// far less than sorting every row by three strings.
func keyOrder(rows []Observation) []int {
	type group struct{ period, indicator string }
	groups := map[group][]int{}
	for i := range rows {
		g := group{rows[i].Period, rows[i].Indicator}
		groups[g] = append(groups[g], i)
	}
	keys := make([]group, 0, len(groups))
	for g := range groups {
		keys = append(keys, g)
	}
	slices.SortFunc(keys, func(a, b group) int {
		return cmp.Or(cmp.Compare(a.period, b.period), cmp.Compare(a.indicator, b.indicator))
	})
	byUnit := func(a, b int) int { return cmp.Compare(rows[a].Unit, rows[b].Unit) }
	order := make([]int, 0, len(rows))
	for _, g := range keys {
		idx := groups[g]
		if !slices.IsSortedFunc(idx, byUnit) {
			slices.SortFunc(idx, byUnit)
		}
		order = append(order, idx...)
	}
	return order
}

// codeSet returns the first column of q's rows as a set.
func (db *DB) codeSet(ctx context.Context, q string, args ...any) (map[string]bool, error) {
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := map[string]bool{}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		set[c] = true
	}
	return set, rows.Err()
}

// SetStatus records, as one new revision, a change of status of existing
// figures: a county confirms (StatusConfirmed) or objects (StatusObjected)
// with a note. The values are carried over unchanged.
func (db *DB) SetStatus(ctx context.Context, actor Actor, note RevisionNote, keys []ObservationKey, status Status, why string) (rev Revision, err error) {
	defer wrap(&err, "SetStatus(%s)", status)
	if !status.Valid() || len(keys) == 0 {
		return rev, refuse(ErrInvalid, "store.obs.status", status, len(keys))
	}
	rows := make([]Observation, 0, len(keys))
	for _, k := range keys {
		o, err := db.Observation(ctx, k, Latest)
		if err != nil {
			return rev, err
		}
		o.Status, o.Note = status, why
		rows = append(rows, o)
	}
	return db.ImportObservations(ctx, actor, note, rows)
}

// ObservationFilter selects figures; zero fields select all.
type ObservationFilter struct {
	AsOf       int64 // revision to read as of; Latest (0) for the newest
	Units      []string
	Indicators []string
	Periods    []string
	Department string // only the indicators this department provides
	Prefecture string // only the units of this prefecture (its counties, zones, sub-parks)
}

// prefectureScope lists the codes of a prefecture and of everything under
// it, through parents and hosts, for a "unit_code IN (…)" test.
const prefectureScope = `WITH RECURSIVE scope(code) AS (
	SELECT code FROM units WHERE code = %s
	UNION SELECT u.code FROM units u JOIN scope s ON u.parent_code = s.code OR u.host_code = s.code)
	SELECT code FROM scope`

// where is the condition f puts on the figures of "observations o" (its
// units, indicators, periods, department and prefecture; not AsOf), as
// " AND …" clauses numbered after args, with args extended by their values.
func (f ObservationFilter) where(args []any) (string, []any) {
	var where strings.Builder
	in := func(col string, vals []string) {
		if len(vals) == 0 {
			return
		}
		fmt.Fprintf(&where, " AND %s IN (%s)", col, placeholders(len(args)+1, len(vals)))
		for _, v := range vals {
			args = append(args, v)
		}
	}
	in("o.unit_code", f.Units)
	in("o.indicator_code", f.Indicators)
	in("o.period_code", f.Periods)
	if f.Department != "" {
		args = append(args, f.Department)
		fmt.Fprintf(&where, " AND o.indicator_code IN (SELECT code FROM indicators WHERE department = $%d)", len(args))
	}
	if f.Prefecture != "" {
		args = append(args, f.Prefecture)
		fmt.Fprintf(&where, " AND o.unit_code IN ("+prefectureScope+")", fmt.Sprintf("$%d", len(args)))
	}
	return where.String(), args
}

// Observations returns the figures f selects as of f.AsOf: for each key the
// row of the latest revision not after AsOf. Ordered by period, indicator,
// unit.
func (db *DB) Observations(ctx context.Context, f ObservationFilter) (obs []Observation, err error) {
	defer wrap(&err, "Observations")
	where, args := f.where([]any{asOf(f.AsOf)})
	q := `SELECT ` + observationColumns + ` FROM observations o
		WHERE o.revision_id <= $1` + where + `
		AND NOT EXISTS (SELECT 1 FROM observations n
			WHERE n.unit_code = o.unit_code AND n.indicator_code = o.indicator_code AND n.period_code = o.period_code
			AND n.revision_id > o.revision_id AND n.revision_id <= $1)
		ORDER BY o.period_code, o.indicator_code, o.unit_code`
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanObservation(rows)
		if err != nil {
			return nil, err
		}
		obs = append(obs, o)
	}
	return obs, rows.Err()
}

// Observation returns one figure as of revision asOf (Latest for now).
func (db *DB) Observation(ctx context.Context, k ObservationKey, asOfRev int64) (o Observation, err error) {
	defer wrap(&err, "Observation(%s, %s, %s)", k.Unit, k.Indicator, k.Period)
	o, err = scanObservation(db.sql.QueryRowContext(ctx, `SELECT `+observationColumns+` FROM observations o
		WHERE o.unit_code = $1 AND o.indicator_code = $2 AND o.period_code = $3 AND o.revision_id <= $4
		ORDER BY o.revision_id DESC LIMIT 1`, k.Unit, k.Indicator, k.Period, asOf(asOfRev)))
	if errors.Is(err, sql.ErrNoRows) {
		return o, ErrNotFound
	}
	return o, err
}

// ObservationHistory returns every version of one figure, oldest first:
// what was reported, confirmed, objected to and corrected, by whom (see the
// revisions) and when.
func (db *DB) ObservationHistory(ctx context.Context, k ObservationKey) (obs []Observation, err error) {
	defer wrap(&err, "ObservationHistory(%s, %s, %s)", k.Unit, k.Indicator, k.Period)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+observationColumns+` FROM observations o
		WHERE o.unit_code = $1 AND o.indicator_code = $2 AND o.period_code = $3 ORDER BY o.revision_id`,
		k.Unit, k.Indicator, k.Period)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanObservation(rows)
		if err != nil {
			return nil, err
		}
		obs = append(obs, o)
	}
	return obs, rows.Err()
}
