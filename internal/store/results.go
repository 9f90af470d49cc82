package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"
)

// Result is one row of a run's results in the engine's long format: a unit's
// score and rank on a node (an indicator or an aggregate) of the method's
// tree, within its group (a county type for 分类排名) when Group is set.
// Missing numbers are NaN (stored as NULL), so that a re-run compares
// bit for bit.
type Result struct {
	Unit       string
	Node       string
	Level      int
	Score      float64
	Rank       float64 // ties may share a fractional rank
	Group      string
	GroupRank  float64
	Vetoed     bool
	Awards     []string // award codes (十强县 …); empty for none
	Period     string
	RankChange float64 // places risen against the previous run (进步县); NaN when unknown
}

var resultInsertColumns = []string{"run_id", "unit_code", "node", "level", "score", "rank", "grp", "group_rank",
	"vetoed", "awards", "period", "rank_change"}

const resultColumns = `unit_code, node, level, score, rank, grp, group_rank, vetoed, awards, period, rank_change`

func scanResult(s scanner) (Result, error) {
	var r Result
	var score, rank, grank, change sql.NullFloat64
	var awards string
	err := s.Scan(&r.Unit, &r.Node, &r.Level, &score, &rank, &r.Group, &grank, &r.Vetoed, &awards, &r.Period, &change)
	r.Score, r.Rank, r.GroupRank, r.RankChange = floatOf(score), floatOf(rank), floatOf(grank), floatOf(change)
	if awards != "" {
		r.Awards = strings.Split(awards, ",")
	}
	return r, err
}

// PutResults replaces the result rows of a run in draft (a computation
// writes all of them at once). A published run refuses with ErrImmutable,
// a run past draft with ErrConflict: send it back to draft first.
func (db *DB) PutResults(ctx context.Context, actor Actor, runID int64, rows []Result) (err error) {
	defer wrap(&err, "PutResults(%d)", runID)
	for i, r := range rows {
		for _, a := range r.Awards {
			if a == "" || strings.ContainsRune(a, ',') {
				return refuse(ErrInvalid, "store.result.award", i+1, a)
			}
		}
		for _, v := range []float64{r.Score, r.Rank, r.GroupRank, r.RankChange} {
			if math.IsInf(v, 0) {
				return refuse(ErrInvalid, "store.result.infinite", i+1, r.Unit, r.Node)
			}
		}
	}
	return db.change(ctx, actor, func(t *txn) error {
		if err := t.checkChangeable(runID, true); err != nil {
			return err
		}
		if _, err := t.Exec(`DELETE FROM run_results WHERE run_id = $1`, runID); err != nil {
			return err
		}
		if err := t.insertBatch("run_results", resultInsertColumns, len(rows), func(i int, dst []any) []any {
			r := &rows[i]
			return append(dst, runID, r.Unit, r.Node, r.Level, nullFloat(r.Score), nullFloat(r.Rank), r.Group,
				nullFloat(r.GroupRank), r.Vetoed, strings.Join(r.Awards, ","), r.Period, nullFloat(r.RankChange))
		}); err != nil {
			return err
		}
		return t.audit("results", "run", fmt.Sprint(runID), map[string]int{"rows": len(rows)})
	})
}

// ResultFilter selects result rows; zero fields select all.
type ResultFilter struct {
	Node        string
	Group       string
	Units       []string
	WinnersOnly bool // rows with at least one award: what visibility "winners" shows
}

// Results returns the rows of a run that f selects, by node, group, rank and
// unit (missing ranks last).
func (db *DB) Results(ctx context.Context, runID int64, f ResultFilter) (rs []Result, err error) {
	defer wrap(&err, "Results(%d)", runID)
	args := []any{runID, f.Node, f.Group, f.WinnersOnly}
	units := ""
	if len(f.Units) > 0 {
		units = " AND unit_code IN (" + placeholders(len(args)+1, len(f.Units)) + ")"
		for _, u := range f.Units {
			args = append(args, u)
		}
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+resultColumns+` FROM run_results
		WHERE run_id = $1 AND ($2 = '' OR node = $2) AND ($3 = '' OR grp = $3) AND (NOT $4 OR awards <> '')`+units+`
		ORDER BY node, grp, rank IS NULL, rank, unit_code`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	pending := false
	for rows.Next() {
		r, err := scanResult(rows)
		if err != nil {
			return nil, err
		}
		for _, a := range r.Awards {
			pending = pending || strings.HasPrefix(a, PendingAward)
		}
		rs = append(rs, r)
	}
	if err := rows.Err(); err != nil || !pending {
		return rs, err
	}
	rows.Close()
	ds, err := db.AwardDecisions(ctx, runID)
	if err != nil {
		return nil, err
	}
	rs = ApplyDecisions(rs, ds)
	if f.WinnersOnly {
		rs = slices.DeleteFunc(rs, func(r Result) bool { return len(r.Awards) == 0 })
	}
	return rs, nil
}
