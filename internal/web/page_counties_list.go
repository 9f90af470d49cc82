package web

import (
	"cmp"
	"math"
	"net/http"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/store"
)

func init() {
	registerUI(map[string][2]string{
		"counties.title":    {"县区", "Counties"},
		"counties.search":   {"搜索", "Search"},
		"counties.searchPh": {"县区名称、代码或市州", "County, code or prefecture"},
		"counties.noRun":    {"还没有您可以查看的已发布评价结果，下表只列出县区。", "There is no published run that you may see yet; the table lists the counties only."},
		"counties.hidden":   {"本批次未公开该县区的得分。", "This run does not show the county's score."},
		"counties.profile":  {"查看县区概况", "Open the county's profile"},
	})
}

// countiesView is the data of /counties.
type countiesView struct {
	Rank        *rankView // nil without a readable run
	Rows        []countyRow
	Total       int // counties before the filters
	Types       []string
	Prefectures []choice
	Type        string // ?type=
	Prefecture  string // ?prefecture=
	Query       string // ?q=: part of a name, a code or a prefecture's name
	Picker      runPicker
}

// countyRow is a county of the list: its catalogue entry and, when the
// caller may see it, its overall score and rank in the run.
type countyRow struct {
	Code, Name, Prefecture, PrefName string
	Types                            []string
	Score, Rank                      float64 // NaN when not visible
	Visible                          bool
}

// countiesList is the list of counties the 县区 menu opens: every county
// of the run (?run=, else the newest published one the caller may read)
// with its declared types and, at the run's visibility, its overall score
// and rank; filtered on the server by ?prefecture=, ?type= and ?q= so that
// the filters work without JavaScript (app.js then filters as one types).
// Without a readable run it lists the counties of the catalogue.
func (s *Server) countiesList(w http.ResponseWriter, r *http.Request) error {
	run, ok, err := s.pickRun(r)
	if err != nil {
		return err
	}
	var v countiesView
	var all []countyRow
	if ok {
		if v.Rank, err = s.rankingOf(r, run); err != nil {
			return err
		}
		if all, err = s.runCounties(r, run, v.Rank); err != nil {
			return err
		}
		if v.Picker, err = s.picker(r, "/counties", run.ID, false); err != nil {
			return err
		}
		v.Types = v.Rank.Types
	} else if all, err = s.catalogueCounties(r); err != nil {
		return err
	}
	q := r.URL.Query()
	v.Type, v.Prefecture, v.Query = s.chineseName(r, q.Get("type")), q.Get("prefecture"), strings.TrimSpace(q.Get("q"))
	if !slices.Contains(v.Types, v.Type) {
		v.Type = ""
	}
	v.Picker.Keep = map[string]string{"type": v.Type, "prefecture": v.Prefecture, "q": v.Query}
	v.Total = len(all)
	seen := map[string]bool{}
	for _, c := range all {
		if c.Prefecture != "" && !seen[c.Prefecture] {
			seen[c.Prefecture] = true
			v.Prefectures = append(v.Prefectures, choice{c.Prefecture, c.PrefName})
		}
		if c.matches(v.Type, v.Prefecture, v.Query) {
			v.Rows = append(v.Rows, c)
		}
	}
	slices.SortFunc(v.Prefectures, func(a, b choice) int { return cmp.Compare(a.Code, b.Code) })
	s.render(w, r, http.StatusOK, "counties", v)
	return nil
}

// matches reports whether the county passes the list's filters; q matches
// its name, code or prefecture's name, as app.js's filter does.
func (c countyRow) matches(typ, pref, q string) bool {
	if typ != "" && !slices.Contains(c.Types, typ) || pref != "" && c.Prefecture != pref {
		return false
	}
	q = strings.ToLower(q)
	return q == "" || strings.Contains(strings.ToLower(c.Name+" "+c.Code+" "+c.PrefName), q)
}

// runCounties lists the counties that took part in run, by code, with the
// score and rank of those whose row rv (the caller's view) holds. Taking
// part is not itself restricted: the map shows every county too.
func (s *Server) runCounties(r *http.Request, run store.Run, rv *rankView) ([]countyRow, error) {
	ctx := r.Context()
	members, err := s.db.Results(ctx, run.ID, store.ResultFilter{Node: rv.Method.Root()})
	if err != nil {
		return nil, err
	}
	names, err := s.unitNames(ctx)
	if err != nil {
		return nil, err
	}
	declared, err := s.declaredTypes(ctx, run.Period)
	if err != nil {
		return nil, err
	}
	visible := make(map[string]rankRow, len(rv.Rows))
	for _, row := range rv.Rows {
		visible[row.Code] = row
	}
	var out []countyRow
	seen := map[string]bool{}
	for _, m := range members {
		if seen[m.Unit] {
			continue
		}
		seen[m.Unit] = true
		u := names[m.Unit]
		c := countyRow{Code: m.Unit, Name: u.Name, Prefecture: u.Parent, PrefName: names[u.Parent].Name,
			Types: declared[m.Unit], Score: math.NaN(), Rank: math.NaN()}
		if row, ok := visible[m.Unit]; ok {
			c.Score, c.Rank, c.Visible = row.Score, row.Rank, true
			if len(c.Types) == 0 {
				c.Types = row.Types
			}
		}
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b countyRow) int { return cmp.Compare(a.Code, b.Code) })
	return out, nil
}

// catalogueCounties lists the counties of the catalogue, for the list
// without a readable run.
func (s *Server) catalogueCounties(r *http.Request) ([]countyRow, error) {
	units, err := s.db.Units(r.Context(), store.UnitFilter{})
	if err != nil {
		return nil, err
	}
	names := make(map[string]string, len(units))
	for _, u := range units {
		names[u.Code] = u.Name
	}
	var out []countyRow
	for _, u := range units {
		if u.Kind == store.UnitCounty || u.Kind == store.UnitZone {
			out = append(out, countyRow{Code: u.Code, Name: u.Name, Prefecture: u.Parent, PrefName: names[u.Parent],
				Score: math.NaN(), Rank: math.NaN()})
		}
	}
	return out, nil
}
