package web

import (
	"cmp"
	"context"
	"math"
	"net/http"
	"slices"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// rankView is a run's ranking as the caller may see it: one row per
// county, best first, with the score of each area (in the county's
// primary type), its rank in each declared type, its awards and veto. The
// dashboard, the rankings, the notice and their exports all start from it.
type rankView struct {
	Run    store.Run
	Method *method.Method
	Areas  []method.Node // the top node's children, in the method's order
	Types  []string      // the method's county types
	Rows   []rankRow     // by overall rank, missing ranks last
	Full   bool          // the caller sees every row, not only the award winners or her own units
	Awards []awardList   // in the method's order: 十强县, 先进县(type) …, 进步县
}

// TypeEn is the English name the method gives a county type ("" when it
// gives none).
func (v *rankView) TypeEn(name string) string {
	if v.Method != nil {
		for _, t := range v.Method.Types {
			if t.Name == name {
				return t.NameEn
			}
		}
	}
	return ""
}

// rankRow is one county of a rankView.
type rankRow struct {
	Code, Name  string
	Prefecture  string // code
	PrefName    string
	Types       []string // declared types, primary first
	Score, Rank float64
	RankChange  float64   // places risen against the previous run; NaN when unknown
	Areas       []float64 // per rankView.Areas, in the primary type
	TypeRanks   []float64 // per Types
	Awards      []string
	Vetoed      bool
}

// awardList is the winners of one award (of one type for 先进县).
type awardList struct {
	Name  string // as in the rows' Awards: 十强县, 先进县(工业主导型), 进步县
	Award method.Award
	Type  string
	Rows  []rankRow
}

// runMethod returns the parsed method of a run; method versions never
// change, so the server keeps them parsed (caches.methods).
func (s *Server) runMethod(ctx context.Context, run store.Run) (*method.Method, error) {
	if m, ok := s.caches.methods.get(run.MethodID); ok {
		return m, nil
	}
	sm, err := s.db.Method(ctx, run.MethodID)
	if err != nil {
		return nil, err
	}
	m, err := method.Parse(sm.Name+".toml", []byte(sm.TOML))
	if err != nil {
		return nil, err
	}
	s.caches.methods.put(run.MethodID, m, 1)
	return m, nil
}

// visibleResults returns the rows of run that f selects as far as the
// caller may see them, by the rules of GET /api/v1/runs/{id}/results
// (resultList): everything, the award winners' rows, or her own units'.
// full reports the first case.
func (s *Server) visibleResults(r *http.Request, run store.Run, f store.ResultFilter) (rows []store.Result, full bool, err error) {
	p := callerOf(r).principal()
	res := auth.Resource{Kind: auth.KindResult, RunState: run.State, Visibility: run.Visibility}
	all := auth.Can(p, auth.Read, res)
	res.Winner = true
	winners := !all && p.Role == auth.RoleViewer && auth.Can(p, auth.Read, res)
	if !all && !winners {
		rows, err = s.scopedResults(r, run, f)
		return rows, false, err
	}
	f.WinnersOnly = winners
	rows, err = s.db.Results(r.Context(), run.ID, f)
	return rows, all, err
}

// rankingOf builds the rankView of run for the caller.
func (s *Server) rankingOf(r *http.Request, run store.Run) (*rankView, error) {
	ctx := r.Context()
	m, err := s.runMethod(ctx, run)
	if err != nil {
		return nil, err
	}
	v := &rankView{Run: run, Method: m}
	root := m.Root()
	for _, n := range m.Nodes {
		if n.Parent == root && root != "" {
			v.Areas = append(v.Areas, n)
		}
	}
	for _, t := range m.Types {
		v.Types = append(v.Types, t.Name)
	}
	top, full, err := s.visibleResults(r, run, store.ResultFilter{Node: root})
	if err != nil {
		return nil, err
	}
	v.Full = full
	names, err := s.unitNames(ctx)
	if err != nil {
		return nil, err
	}
	declared, err := s.declaredTypes(ctx, run.Period)
	if err != nil {
		return nil, err
	}
	byUnit := map[string]*rankRow{}
	for _, x := range top {
		row := byUnit[x.Unit]
		if row == nil {
			u := names[x.Unit]
			row = &rankRow{Code: x.Unit, Name: u.Name, Prefecture: u.Parent, PrefName: names[u.Parent].Name,
				Types: declared[x.Unit], Score: math.NaN(), Rank: math.NaN(), RankChange: math.NaN(),
				Areas: nanSlice(len(v.Areas)), TypeRanks: nanSlice(len(v.Types)), Awards: x.Awards, Vetoed: x.Vetoed}
			byUnit[x.Unit] = row
		}
		if x.Group == "" {
			row.Score, row.Rank, row.RankChange = x.Score, x.Rank, x.RankChange
		} else if i := slices.Index(v.Types, x.Group); i >= 0 {
			row.TypeRanks[i] = x.GroupRank
			if len(row.Types) == 0 {
				row.Types = []string{x.Group}
			}
		}
	}
	for a, area := range v.Areas {
		rows, _, err := s.visibleResults(r, run, store.ResultFilter{Node: area.Code})
		if err != nil {
			return nil, err
		}
		for _, x := range rows {
			if row := byUnit[x.Unit]; row != nil && len(row.Types) > 0 && x.Group == row.Types[0] {
				row.Areas[a] = x.Score
			}
		}
	}
	for _, row := range byUnit {
		v.Rows = append(v.Rows, *row)
	}
	slices.SortFunc(v.Rows, func(a, b rankRow) int {
		return cmp.Or(cmpRank(a.Rank, b.Rank), cmp.Compare(a.Code, b.Code))
	})
	v.Awards = awardLists(m, v)
	return v, nil
}

// cmpRank orders ranks ascending with missing ones last.
func cmpRank(a, b float64) int {
	switch an, bn := math.IsNaN(a), math.IsNaN(b); {
	case an && bn:
		return 0
	case an:
		return 1
	case bn:
		return -1
	}
	return cmp.Compare(a, b)
}

func nanSlice(n int) []float64 {
	s := make([]float64, n)
	for i := range s {
		s[i] = math.NaN()
	}
	return s
}

// awardLists collects the winners of each award of the method: overall
// awards by rank, per-type ones by rank in the type, rises by places risen.
func awardLists(m *method.Method, v *rankView) []awardList {
	var lists []awardList
	for _, a := range m.Awards {
		names := []string{a.Name}
		types := []string{""}
		if a.Kind == method.AwardPerType {
			names, types = nil, nil
			for _, t := range v.Types {
				names, types = append(names, a.Name+"("+t+")"), append(types, t)
			}
		}
		for i, name := range names {
			l := awardList{Name: name, Award: a, Type: types[i]}
			ti := slices.Index(v.Types, types[i])
			for _, row := range v.Rows {
				if slices.Contains(row.Awards, name) {
					l.Rows = append(l.Rows, row)
				}
			}
			switch {
			case a.Kind == method.AwardRise:
				slices.SortStableFunc(l.Rows, func(x, y rankRow) int { return cmpRank(-x.RankChange, -y.RankChange) })
			case ti >= 0:
				slices.SortStableFunc(l.Rows, func(x, y rankRow) int { return cmpRank(x.TypeRanks[ti], y.TypeRanks[ti]) })
			}
			lists = append(lists, l)
		}
	}
	return lists
}

// unitNames maps every unit's code to the unit.
func (s *Server) unitNames(ctx context.Context) (map[string]store.Unit, error) {
	units, err := s.db.Units(ctx, store.UnitFilter{})
	if err != nil {
		return nil, err
	}
	m := make(map[string]store.Unit, len(units))
	for _, u := range units {
		m[u.Code] = u
	}
	return m, nil
}

// declaredTypes maps each unit to its declared county types in the
// period's year, primary first (the order they were recorded in).
func (s *Server) declaredTypes(ctx context.Context, period string) (map[string][]string, error) {
	year, _ := strconv.Atoi(period[:min(4, len(period))])
	attrs, err := s.db.Attributes(ctx, "", "type", year)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(attrs, func(a, b store.UnitAttribute) int { return cmp.Compare(a.ID, b.ID) })
	out := map[string][]string{}
	for _, a := range attrs {
		if !slices.Contains(out[a.Unit], a.Value) {
			out[a.Unit] = append(out[a.Unit], a.Value)
		}
	}
	return out, nil
}

// scores maps each row's county to its overall score, for the map.
func (v *rankView) scores() map[string]float64 {
	m := make(map[string]float64, len(v.Rows))
	for _, row := range v.Rows {
		m[row.Code] = row.Score
	}
	return m
}

// indicatorsByCode is the indicator catalogue by code.
func (s *Server) indicatorsByCode(ctx context.Context) (map[string]store.Indicator, error) {
	inds, err := s.db.Indicators(ctx, "")
	if err != nil {
		return nil, err
	}
	m := make(map[string]store.Indicator, len(inds))
	for _, ind := range inds {
		m[ind.Code] = ind
	}
	return m, nil
}
