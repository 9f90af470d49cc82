package web

import (
	"net/http"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
	"github.com/qiangxian/qiangxian/internal/zonereport"
)

func init() {
	registerUI(map[string][2]string{
		"nav.zones":              {"开发区", "Zones"},
		"zones.title":            {"开发区考核评价", "Development-zone assessment"},
		"zones.none":             {"还没有开发区考核评价结果。", "No development-zone assessment yet."},
		"zones.group":            {"组别", "Group"},
		"zones.zone":             {"开发区", "Zone"},
		"zones.level":            {"级别", "Level"},
		"zones.kind":             {"类型", "Kind"},
		"zones.grade":            {"等级", "Grade"},
		"zones.streak":           {"连续年数", "Streak"},
		"zones.warnings":         {"动态管理", "Management"},
		"zones.allLevels":        {"全部级别", "All levels"},
		"zones.allKinds":         {"全部类型", "All kinds"},
		"zones.year":             {"年度", "Year"},
		"zones.notice":           {"开发区考核评价通报", "Zone assessment notice"},
		"zones.map":              {"开发区分布", "Zones on the map"},
		"zones.tie":              {"并列，须领导小组认定", "tie: the leading group decides"},
		"zones.level.national":   {"国家级", "national"},
		"zones.level.provincial": {"省级", "provincial"},
		"zones.level.other":      {"其他", "other"},
		"zones.count":            {"%d 个开发区，分 %d 组排名", "%d zones ranked in %d groups"},
	})
}

// zoneListView is the data of /zones.
type zoneListView struct {
	View                    *zonereport.View
	Year                    int
	Level, Kind, Prefecture string
	Kinds                   []string
	Prefectures             []store.Unit
	Groups                  []zoneGroupView
	Map                     *zoneMapView
	Shown                   int
	Tiers                   *tierView     // the tier table against the province's target (page_zone_ii_view.go)
	Run                     *zoneRunLink  // the unpublished run shown, nil for published results
	Runs                    []zoneRunLink // unpublished zone runs the caller may read
	CanImport               bool          // the caller may import the zones' enterprises
}

// zoneGroupView is one group's ranking.
type zoneGroupView struct {
	Name string
	Rows []zoneRowView
}

// zoneRowView is a zone's line of the ranking.
type zoneRowView struct {
	zonereport.Row
	PrefName string
	Actions  string // the management actions, 、-joined
	Tie      bool
}

// zonesList is GET /zones: the latest (or ?year=) published zone
// assessment — or the zone run ?run=, a draft for the office, a run in 公示
// for everyone — ranked within each group, filtered by ?level=, ?kind= and
// ?prefecture=, with the zones on the map and the unpublished runs the
// caller may read. Public, like the county ranking.
func (s *Server) zonesList(w http.ResponseWriter, r *http.Request) error {
	if err := requireZone(r, auth.Read); err != nil {
		return err
	}
	ctx := r.Context()
	q := r.URL.Query()
	lv := zoneListView{Level: q.Get("level"), Kind: q.Get("kind"), Prefecture: q.Get("prefecture"),
		CanImport: !callerOf(r).anonymous() && auth.CanZoneEnterprise(callerOf(r).principal(), auth.Write, auth.ZoneScope{})}
	runs, err := s.zoneRunLinks(r)
	if err != nil {
		return err
	}
	lv.Runs = runs
	v, err := s.zoneViewOf(r)
	if err != nil {
		return err
	}
	if v == nil {
		s.render(w, r, http.StatusOK, "zone_list", lv)
		return nil
	}
	lv.View, lv.Year = v, v.Year
	if unpublishedRun(v) {
		lv.Run = &zoneRunLink{ID: v.Run.ID, Year: v.Run.Period, StateKey: "state." + string(v.Run.State)}
	}
	names, err := s.prefectureNames(r)
	if err != nil {
		return err
	}
	var shown []zonereport.Row
	for _, row := range v.Rows {
		if !slices.Contains(lv.Kinds, row.Zone.Kind) && row.Zone.Kind != "" {
			lv.Kinds = append(lv.Kinds, row.Zone.Kind)
		}
		if lv.Level != "" && row.Zone.Level != lv.Level || lv.Kind != "" && row.Zone.Kind != lv.Kind ||
			lv.Prefecture != "" && row.Prefecture != lv.Prefecture {
			continue
		}
		shown = append(shown, row)
		rv := zoneRowView{Row: row, PrefName: names[row.Prefecture].Name}
		var acts []string
		for _, w := range row.Warnings {
			acts = append(acts, w.Action)
			rv.Tie = rv.Tie || w.Tie
		}
		rv.Actions = strings.Join(acts, "、")
		if len(lv.Groups) == 0 || lv.Groups[len(lv.Groups)-1].Name != row.Group {
			lv.Groups = append(lv.Groups, zoneGroupView{Name: row.Group})
		}
		g := &lv.Groups[len(lv.Groups)-1]
		g.Rows = append(g.Rows, rv)
	}
	lv.Shown = len(shown)
	slices.Sort(lv.Kinds)
	for _, code := range sortedKeys(names) {
		lv.Prefectures = append(lv.Prefectures, names[code])
	}
	prefNames := map[string]string{}
	for code, u := range names {
		prefNames[code] = u.Name
	}
	if lv.Map, err = s.zoneMap(ctx, v, shown, prefNames); err != nil {
		return err
	}
	if lv.Tiers, err = s.zoneTiers(ctx, zoneNames(v)); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "zone_list", lv)
	return nil
}

// requireZone checks auth.CanZone for the caller.
func requireZone(r *http.Request, a auth.Action) error {
	c := callerOf(r)
	if auth.CanZone(c.principal(), a, auth.Resource{Kind: auth.KindZone}) {
		return nil
	}
	return deny(c, string(a)+" zones")
}

// prefectureNames maps prefecture codes to their units.
func (s *Server) prefectureNames(r *http.Request) (map[string]store.Unit, error) {
	us, err := s.db.Units(r.Context(), store.UnitFilter{Kind: store.UnitPrefecture})
	if err != nil {
		return nil, err
	}
	out := map[string]store.Unit{}
	for _, u := range us {
		out[u.Code] = u
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

// levelKey is the UI key of a zone level (zones.level.*).
func levelKey(level string) string {
	switch level {
	case zone.LevelNational, zone.LevelProvincial, zone.LevelOther:
		return "zones.level." + level
	}
	return "zones.level.other"
}

// LevelKey is the UI key of the zone's level.
func (r zoneRowView) LevelKey() string { return levelKey(r.Zone.Level) }
