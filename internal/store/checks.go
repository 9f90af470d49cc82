package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/workflow"
)

// The check rules (审核规则) are kept in the database, not in the method
// file: they belong to the collection of figures, which outlives methods,
// and the analyst changes them between two uploads without a new method
// version. workflow.Evaluate applies them; this file stores them and reads
// what they compare a figure with.

const ruleColumns = `id, name, kind, severity, indicator, other, parts, lo, hi, threshold, enabled, note`

func scanRule(s scanner) (workflow.Rule, error) {
	var r workflow.Rule
	var parts string
	var lo, hi sql.NullFloat64
	err := s.Scan(&r.ID, &r.Name, &r.Kind, &r.Severity, &r.Indicator, &r.Other, &parts, &lo, &hi, &r.Threshold, &r.Enabled, &r.Note)
	r.Lo, r.Hi = floatOf(lo), floatOf(hi)
	if parts != "" {
		r.Parts = strings.Split(parts, ",")
	}
	return r, err
}

// defaultRules are the rules a deployment starts with: generic soft rules
// that need no knowledge of its catalogue. Bounds (negative GDP), sums and
// ratios name indicators, so the analyst adds them.
var defaultRules = []workflow.Rule{
	{Name: "较上年同期变动超过30%", Kind: workflow.KindChange, Severity: workflow.Soft, Threshold: 0.3, Enabled: true,
		Lo: math.NaN(), Hi: math.NaN(), Note: "对全部指标（以%计量的比率指标除外）"},
	{Name: "超出本单位历史区间", Kind: workflow.KindHistory, Severity: workflow.Soft, Threshold: 0.1, Enabled: true,
		Lo: math.NaN(), Hi: math.NaN(), Note: "历史数值不少于3个时检查，区间两端各放宽10%"},
}

// CheckRules returns every rule, enabled or not, by id. The first use of
// the rules (read or write) on a database without any installs
// defaultRules, audited as the system: a migration does not, so that a
// restore still finds the table empty.
func (db *DB) CheckRules(ctx context.Context) (rs []workflow.Rule, err error) {
	defer wrap(&err, "CheckRules")
	if err := db.ensureDefaultRules(ctx); err != nil {
		return nil, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+ruleColumns+` FROM check_rules ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRule(rows)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// ensureDefaultRules installs defaultRules on a database that has no rule
// yet: the first read or write of the rules does.
func (db *DB) ensureDefaultRules(ctx context.Context) error {
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM check_rules`).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		err := db.change(ctx, System, func(t *txn) error {
			for _, r := range defaultRules {
				if _, err := t.Exec(`INSERT INTO check_rules (name, kind, severity, indicator, other, parts, lo, hi, threshold, enabled, note, updated_at, updated_by)
					VALUES ($1, $2, $3, '', '', '', NULL, NULL, $4, $5, $6, $7, $8) ON CONFLICT (name) DO NOTHING`,
					r.Name, string(r.Kind), string(r.Severity), r.Threshold, r.Enabled, r.Note, t.now, t.actor.Username); err != nil {
					return err
				}
			}
			return t.audit("create", "check_rule", "", map[string]any{"defaults": len(defaultRules)})
		})
		return err
	}
	return nil
}

// PutCheckRule creates r (ID 0) or replaces the rule with r.ID, after
// workflow's validation; the indicators it names must exist. Rules are
// disabled, never deleted, so that the audit log can always say which rule
// flagged a figure.
func (db *DB) PutCheckRule(ctx context.Context, actor Actor, r workflow.Rule) (out workflow.Rule, err error) {
	defer wrap(&err, "PutCheckRule(%q)", r.Name)
	if err := r.Validate(); err != nil {
		return out, refuse(ErrInvalid, "store.check.rule", err)
	}
	for _, code := range r.Indicators() {
		switch _, err := db.Indicator(ctx, code); {
		case errors.Is(err, ErrNotFound):
			return out, fmt.Errorf("%w: %w", refuse(ErrInvalid, "store.check.ruleIndicator", r.Name, code), err)
		case err != nil:
			return out, fmt.Errorf("%w: rule %q names indicator %s: %w", ErrInvalid, r.Name, code, err)
		}
	}
	if err := db.ensureDefaultRules(ctx); err != nil {
		return out, err
	}
	args := []any{r.Name, string(r.Kind), string(r.Severity), r.Indicator, r.Other, strings.Join(r.Parts, ","),
		nullFloat(r.Lo), nullFloat(r.Hi), r.Threshold, r.Enabled, r.Note}
	err = db.change(ctx, actor, func(t *txn) error {
		action := "create"
		var row *sql.Row
		if r.ID == 0 {
			row = t.QueryRow(`INSERT INTO check_rules (name, kind, severity, indicator, other, parts, lo, hi, threshold, enabled, note, updated_at, updated_by)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING `+ruleColumns,
				append(args, t.now, t.actor.Username)...)
		} else {
			action = "update"
			row = t.QueryRow(`UPDATE check_rules SET name = $1, kind = $2, severity = $3, indicator = $4, other = $5, parts = $6,
				lo = $7, hi = $8, threshold = $9, enabled = $10, note = $11, updated_at = $12, updated_by = $13
				WHERE id = $14 RETURNING `+ruleColumns, append(args, t.now, t.actor.Username, r.ID)...)
		}
		var err error
		if out, err = scanRule(row); err != nil {
			return err
		}
		return t.audit(action, "check_rule", fmt.Sprint(out.ID), ruleAudit(out))
	})
	return out, err
}

func ruleAudit(r workflow.Rule) map[string]any {
	return map[string]any{"name": r.Name, "kind": r.Kind, "severity": r.Severity, "indicator": r.Indicator,
		"other": r.Other, "parts": r.Parts, "lo": nullFloat(r.Lo), "hi": nullFloat(r.Hi), "threshold": r.Threshold,
		"enabled": r.Enabled}
}

// CheckInput gathers what the rules compare figs of period with: the
// period's stored figures of the same units (the other terms of a sum or a
// ratio), the same period a year earlier, and every earlier year's same
// period (the units' history), with the indicators' units of measure.
func (db *DB) CheckInput(ctx context.Context, period string, figs []workflow.Figure) (in workflow.Input, err error) {
	defer wrap(&err, "CheckInput(%s)", period)
	p, err := ParsePeriod(period)
	if err != nil {
		return in, err
	}
	in = workflow.Input{Figures: figs, Stored: map[workflow.Key]float64{}, Previous: map[workflow.Key]float64{},
		History: map[workflow.Key][]float64{}, Measures: map[string]string{}}
	seen := map[string]bool{}
	var units []string
	for _, f := range figs {
		if !seen[f.Unit] {
			seen[f.Unit] = true
			units = append(units, f.Unit)
		}
	}
	if len(units) == 0 {
		return in, nil
	}
	if units, err = db.rollupUnits(ctx, &in, units); err != nil {
		return in, err
	}
	inds, err := db.Indicators(ctx, "")
	if err != nil {
		return in, err
	}
	for _, i := range inds {
		in.Measures[i.Code] = i.Unit
	}
	ps, err := db.Periods(ctx)
	if err != nil {
		return in, err
	}
	prev := ""
	var earlier []string
	for _, q := range ps {
		if q.Kind == p.Kind && q.Month == p.Month && q.Year < p.Year {
			earlier = append(earlier, q.Code)
			if q.Year == p.Year-1 {
				prev = q.Code
			}
		}
	}
	obs, err := db.Observations(ctx, ObservationFilter{Periods: append(earlier, p.Code), Units: units})
	if err != nil {
		return in, err
	}
	// Observations orders by period, so each history is oldest first.
	for _, o := range obs {
		k := workflow.Key{Unit: o.Unit, Indicator: o.Indicator}
		switch o.Period {
		case p.Code:
			in.Stored[k] = o.Value
		case prev:
			in.Previous[k] = o.Value
			fallthrough
		default:
			in.History[k] = append(in.History[k], o.Value)
		}
	}
	return in, nil
}

// rollupUnits fills in.Children for the rollup rule — the counties of
// every prefecture, or of the province, that units are or belong to — and
// returns units with those parents and counties added, so that their
// stored figures are read.
func (db *DB) rollupUnits(ctx context.Context, in *workflow.Input, units []string) ([]string, error) {
	all, err := db.Units(ctx, UnitFilter{})
	if err != nil {
		return nil, err
	}
	byCode := map[string]Unit{}
	for _, u := range all {
		byCode[u.Code] = u
	}
	parents := map[string]bool{}
	for _, c := range units {
		u := byCode[c]
		switch u.Kind {
		case UnitCounty:
			if u.Parent != "" {
				parents[u.Parent] = true
			}
			for p := byCode[u.Parent]; p.Parent != ""; p = byCode[p.Parent] {
				parents[p.Parent] = true
			}
		case UnitPrefecture, UnitProvince:
			parents[c] = true
		}
	}
	if len(parents) == 0 {
		return units, nil
	}
	in.Children = map[string][]string{}
	for _, u := range all {
		if u.Kind != UnitCounty {
			continue
		}
		for p := u.Parent; p != ""; p = byCode[p].Parent {
			if parents[p] {
				in.Children[p] = append(in.Children[p], u.Code)
			}
		}
	}
	seen := map[string]bool{}
	for _, c := range units {
		seen[c] = true
	}
	for p, kids := range in.Children {
		for _, c := range append([]string{p}, kids...) {
			if !seen[c] {
				seen[c] = true
				units = append(units, c)
			}
		}
	}
	return units, nil
}

// Explanation is the written explanation of a figure that soft rules
// flagged, stored with the revision that brought the figure: what the rules
// said (Findings, one line each) and what the department answered.
type Explanation struct {
	Unit, Indicator, Period string
	Revision                int64
	Findings                string
	Text                    string
	Username                string
	CreatedAt               time.Time
}

const explanationColumns = `unit_code, indicator_code, period_code, revision_id, findings, explanation, username, created_at`

func scanExplanation(s scanner) (Explanation, error) {
	var e Explanation
	err := s.Scan(&e.Unit, &e.Indicator, &e.Period, &e.Revision, &e.Findings, &e.Text, &e.Username, &e.CreatedAt)
	e.CreatedAt = e.CreatedAt.UTC()
	return e, err
}

// ImportExplained imports rows as one revision, as ImportObservations does,
// and stores each explanation with its figure's revision in the same
// transaction: a flagged figure is never accepted without its explanation.
// Every explanation must be about a figure of rows and say something. With
// pendingID > 0 it commits that held import, which must still be pending.
func (db *DB) ImportExplained(ctx context.Context, actor Actor, note RevisionNote, rows []Observation, exps []Explanation, pendingID int64) (rev Revision, err error) {
	defer wrap(&err, "ImportExplained(%s)", note.Source)
	periods, err := db.validateObservations(ctx, rows)
	if err != nil {
		return rev, err
	}
	inRows := make(map[ObservationKey]bool, len(rows))
	for _, o := range rows {
		inRows[o.Key()] = true
	}
	for _, e := range exps {
		if !inRows[ObservationKey{e.Unit, e.Indicator, e.Period}] || strings.TrimSpace(e.Text) == "" {
			return rev, refuse(ErrInvalid, "store.explanation", e.Unit, e.Indicator, e.Period)
		}
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if pendingID > 0 {
			var state string
			if err := t.QueryRow(`SELECT state FROM pending_imports WHERE id = $1`, pendingID).Scan(&state); err != nil {
				return err
			}
			if state != "pending" {
				return refuse(ErrConflict, "store.heldState", pendingID, state)
			}
		}
		if err := t.ensurePeriods(periods); err != nil {
			return err
		}
		var err error
		if rev, err = t.newRevision(note); err != nil {
			return err
		}
		if err := t.insertObservations(rev.ID, rows, periods); err != nil {
			return err
		}
		for _, e := range exps {
			p := e.Period
			if c := periods[p]; c != "" {
				p = c
			}
			if _, err := t.Exec(`INSERT INTO observation_explanations (`+explanationColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
				e.Unit, e.Indicator, p, rev.ID, e.Findings, strings.TrimSpace(e.Text), t.actor.Username, t.now); err != nil {
				return err
			}
		}
		if pendingID > 0 {
			if _, err := t.Exec(`UPDATE pending_imports SET state = 'committed', revision_id = $1, updated_at = $2 WHERE id = $3`,
				rev.ID, t.now, pendingID); err != nil {
				return err
			}
		}
		return t.audit(note.Kind, "revision", fmt.Sprint(rev.ID), map[string]any{"observations": len(rows),
			"explained": len(exps), "held_import": pendingID, "source": note.Source, "note": note.Note})
	})
	return rev, err
}

// ExplanationFilter selects explanations; zero fields select all.
type ExplanationFilter struct {
	Period     string
	Units      []string
	Department string // the indicators of this department
	Prefecture string // the units of this prefecture
}

// Explanations returns the explanations f selects, by period, unit,
// indicator and revision.
func (db *DB) Explanations(ctx context.Context, f ExplanationFilter) (es []Explanation, err error) {
	defer wrap(&err, "Explanations")
	args := []any{f.Period, f.Department}
	where := ""
	if len(f.Units) > 0 {
		where += " AND unit_code IN (" + placeholders(len(args)+1, len(f.Units)) + ")"
		for _, u := range f.Units {
			args = append(args, u)
		}
	}
	if f.Prefecture != "" {
		args = append(args, f.Prefecture)
		where += " AND unit_code IN (" + fmt.Sprintf(prefectureScope, fmt.Sprintf("$%d", len(args))) + ")"
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+explanationColumns+` FROM observation_explanations
		WHERE ($1 = '' OR period_code = $1)
		AND ($2 = '' OR indicator_code IN (SELECT code FROM indicators WHERE department = $2))`+where+`
		ORDER BY period_code, unit_code, indicator_code, revision_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanExplanation(rows)
		if err != nil {
			return nil, err
		}
		es = append(es, e)
	}
	return es, rows.Err()
}
