package evaluation

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// load builds the method's input for period p as of revision rev. With
// types nil, the evaluated units are those with declared types in the
// period's year (unit attributes named "type", primary first in the order
// they were recorded) and at least one figure of the method's indicators;
// with types given (a recompute), exactly those units with those types.
func load(ctx context.Context, db *store.DB, m *method.Method, p store.Period, rev int64, types map[string][]string) (method.Input, error) {
	in := method.Input{Period: p.Code}
	var codes []string
	for _, ind := range m.Indicators {
		if ind.Source == method.SourceReported || ind.Source == method.SourceOfficial {
			codes = append(codes, ind.Code)
		}
	}
	var stored []string // the figures of the store; the others are metrics of the investment ledger (invest.go) and chains (chain.go)
	for _, c := range codes {
		if !isInvestCode(c) && !isChainCode(c) {
			stored = append(stored, c)
		}
	}
	obs, err := db.Observations(ctx, store.ObservationFilter{AsOf: rev, Periods: []string{p.Code}, Indicators: stored})
	if err != nil {
		return in, err
	}
	if types == nil {
		if types, err = declaredTypes(ctx, db, m, p.Year, obs); err != nil {
			return in, err
		}
	}
	if len(types) == 0 {
		return in, fmt.Errorf("%w: no unit has declared types and figures for %s as of revision %d", ErrNoData, p.Code, rev)
	}
	all, err := db.Units(ctx, store.UnitFilter{})
	if err != nil {
		return in, err
	}
	names := make(map[string]string, len(all))
	for _, u := range all {
		names[u.Code] = u.Name
	}
	d := &method.Data{Values: make(map[string][]float64, len(codes)), Sample: m.Sample}
	idx := make(map[string]int, len(types))
	for _, code := range sortedKeys(types) {
		idx[code] = len(d.Units)
		d.Units = append(d.Units, method.Unit{Code: code, Name: names[code], Types: types[code]})
	}
	for _, c := range codes {
		col := make([]float64, len(d.Units))
		for i := range col {
			col[i] = math.NaN()
		}
		d.Values[c] = col
	}
	for _, o := range obs {
		if i, ok := idx[o.Unit]; ok {
			d.Values[o.Indicator][i] = o.Value
			d.Sample = d.Sample || strings.Contains(o.Note, method.SampleMark) || strings.Contains(o.Source, method.SampleMark)
		}
	}
	if err := investValues(ctx, db, p, rev, codes, d); err != nil {
		return in, err
	}
	if err := chainValues(ctx, db, p, rev, codes, d); err != nil {
		return in, err
	}
	in.Data = d
	if in.Events, err = events(ctx, db, p, rev, idx); err != nil {
		return in, err
	}
	ts, err := db.Targets(ctx, store.TargetFilter{AsOf: rev, Period: p.Code})
	if err != nil {
		return in, err
	}
	for _, t := range ts {
		if _, ok := idx[t.Unit]; !ok {
			continue
		}
		if in.Targets == nil {
			in.Targets = method.Targets{}
		}
		if in.Targets[t.Indicator] == nil {
			in.Targets[t.Indicator] = map[string]float64{}
		}
		in.Targets[t.Indicator][t.Unit] = t.Value
	}
	return in, nil
}

// declaredTypes returns the types of the units with figures: their "type"
// attributes valid in year, in the order recorded (the primary type is
// recorded first). A method with a single type gives it to every unit with
// figures, as evaluate does for a table without type columns.
func declaredTypes(ctx context.Context, db *store.DB, m *method.Method, year int, obs []store.Observation) (map[string][]string, error) {
	has := map[string]bool{}
	for _, o := range obs {
		has[o.Unit] = true
	}
	types := map[string][]string{}
	if len(m.Types) == 1 {
		for u := range has {
			types[u] = []string{m.Types[0].Name}
		}
		return types, nil
	}
	attrs, err := db.Attributes(ctx, "", "type", year)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(attrs, func(a, b store.UnitAttribute) int { return cmp.Compare(a.ID, b.ID) })
	for _, a := range attrs {
		if !has[a.Unit] || slices.Contains(types[a.Unit], a.Value) {
			continue
		}
		if !slices.ContainsFunc(m.Types, func(t method.Type) bool { return t.Name == a.Value }) {
			return nil, fmt.Errorf("%w: unit %s declares type %q for %d, which the method does not define",
				store.ErrInvalid, a.Unit, a.Value, year)
		}
		types[a.Unit] = append(types[a.Unit], a.Value)
	}
	return types, nil
}

// events returns the events of the evaluated units dated within the period
// (from 1 January: monthly periods are cumulative), as of rev, in the order
// of an events table: by date, unit and document. The order matters only
// where a cap cuts the points of an event, and then it must not depend on
// the store's random event keys.
func events(ctx context.Context, db *store.DB, p store.Period, rev int64, units map[string]int) ([]method.Event, error) {
	to := time.Date(p.Year+1, 1, 1, 0, 0, 0, 0, time.UTC)
	if p.Kind == store.PeriodMonth {
		to = time.Date(p.Year, time.Month(p.Month)+1, 1, 0, 0, 0, 0, time.UTC)
	}
	es, err := db.Events(ctx, store.EventFilter{AsOf: rev, From: time.Date(p.Year, 1, 1, 0, 0, 0, 0, time.UTC), To: to})
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(es, func(a, b store.Event) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Unit, b.Unit), cmp.Compare(a.Document, b.Document),
			cmp.Compare(a.Note, b.Note), cmp.Compare(a.Key, b.Key))
	})
	var out []method.Event
	for _, e := range es {
		if _, ok := units[e.Unit]; !ok {
			continue
		}
		out = append(out, method.Event{Unit: e.Unit, Date: e.Date.Format(time.DateOnly), Type: e.Type,
			Department: e.Department, Document: e.Document, Note: e.Note})
	}
	return out, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
