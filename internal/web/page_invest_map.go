package web

import (
	"math"
	"net/http"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/chain"
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
)

func init() {
	registerUI(map[string][2]string{
		"imap.title":      {"招商地图", "Investment map"},
		"imap.intro":      {"开发区及其子园区的位置、可供工业用地、标准厂房和水电气价格；登录后可见各阶段项目。", "Development zones and their sub-parks, the industrial land and standard factory floor available and utility prices; projects by stage after login."},
		"imap.subpark":    {"子园区", "sub-park"},
		"imap.subparkOf":  {"子园区（位置按所属开发区示意）：%s，所属 %s", "sub-park (placed by its zone): %s, of %s"},
		"imap.sites":      {"可供用地与厂房", "Ready sites"},
		"imap.land":       {"可供工业用地（亩）", "Industrial land (mu)"},
		"imap.factory":    {"标准厂房（平方米）", "Standard factory floor (m²)"},
		"imap.water":      {"水价（元/吨）", "Water (yuan/t)"},
		"imap.power":      {"电价（元/千瓦时）", "Electricity (yuan/kWh)"},
		"imap.gas":        {"气价（元/立方米）", "Gas (yuan/m³)"},
		"imap.priceDate":  {"价格日期", "Prices as of"},
		"imap.source":     {"来源", "Source"},
		"imap.projects":   {"项目（个）", "Projects"},
		"imap.byStage":    {"各阶段项目", "Projects by stage"},
		"imap.noSites":    {"还没有登记可供用地。", "No ready sites recorded yet."},
		"imap.noProjects": {"没有符合条件的项目。", "No projects match."},
		"imap.login":      {"登录后可查看各阶段项目。", "Log in to see the projects by stage."},
		"imap.allZones":   {"全部开发区", "All zones"},
		"imap.allStages":  {"全部阶段", "All stages"},
		"imap.total":      {"合计", "Total"},
		"imap.noZone":     {"（园区外）", "(outside zones)"},
		"imap.amount":     {"协议投资额（亿元）", "Contract amount (100 million yuan)"},
		"imap.allChains":  {"全部产业链", "All chains"},
		"imap.allNodes":   {"全部环节", "All nodes"},
		"imap.chain":      {"产业链", "Chain"},
		"imap.node":       {"环节", "Node"},
	})
}

// investMapView is the data of /invest/map.
type investMapView struct {
	Map                     *zoneMapView
	Sites                   []investSiteRow
	Projects                bool // the caller sees projects
	Stages                  []invest.Stage
	Stage, Prefecture, Zone string
	Chain, Node             string // chain code and node code filters (projects only)
	Prefectures             []choice
	Zones                   []choice
	Chains, Nodes           []choice // the chains, and the nodes of the chosen one
	Counties                []investCountyStages
	Sample                  bool
}

// investSiteRow is a zone of the map's table: its ready sites and, for a
// logged-in caller, its projects.
type investSiteRow struct {
	Zone     zone.Zone
	PrefName string
	Site     *store.ZoneSite
	Projects int
	Amount   float64 // 亿元
}

// investCountyStages is a county's projects at each stage (Stages order).
type investCountyStages struct {
	Name   string
	Zone   string // the zone's name, imap.noZone's text for none
	Counts []int
	Total  int
}

// investMap is GET /invest/map, the investment map (招商地图): zones as
// points on the offline map (the uploaded boundaries or Gansu's frame),
// their sub-parks beside them, ready sites per zone (public); projects by
// stage for logged-in callers, scoped as the ledger pages are
// (auth.InvestLedgerScope; 线索 and 洽谈 only inside their county).
// Filters: ?prefecture=, ?zone=, ?stage=, and for projects ?chain= and
// ?node= (a project is on a chain's node as on the chain page: chain.NodeOf).
func (s *Server) investMap(w http.ResponseWriter, r *http.Request) error {
	if err := requireZone(r, auth.Read); err != nil {
		return err
	}
	ctx := r.Context()
	c := callerOf(r)
	q := r.URL.Query()
	v := investMapView{Stages: invest.Stages, Stage: q.Get("stage"), Prefecture: q.Get("prefecture"), Zone: q.Get("zone")}
	if !invest.Stage(v.Stage).Valid() {
		v.Stage = ""
	}
	zs, err := s.db.Zones(ctx)
	if err != nil {
		return err
	}
	sites, err := s.db.ZoneSites(ctx)
	if err != nil {
		return err
	}
	names, err := s.unitNames(ctx)
	if err != nil {
		return err
	}
	siteOf := map[string]*store.ZoneSite{}
	for i := range sites {
		siteOf[sites[i].Zone] = &sites[i]
	}
	counts := map[string][2]float64{} // zone → projects, 亿元
	scope, sees := auth.InvestLedgerScope(c.principal(), c.anonymous())
	if sees {
		v.Projects = true
		f := store.InvestMapFilter{Stage: invest.Stage(v.Stage), Zone: v.Zone, County: scope.County, Prefecture: scope.Prefecture}
		if f.On, err = s.mapChainFilter(r, &v); err != nil {
			return err
		}
		if scope.All && len(v.Prefecture) == 6 {
			f.Prefecture = v.Prefecture
		}
		if u := c.principal(); u.Role == auth.RoleCounty {
			f.TalksCounty = u.Unit
		}
		cs, err := s.db.InvestMapCounts(ctx, f)
		if err != nil {
			return err
		}
		v.Counties = countyStages(cs, names, ui(pageLang(r), "imap.noZone"))
		for _, x := range cs {
			a := counts[x.Zone]
			counts[x.Zone] = [2]float64{a[0] + float64(x.Projects), a[1] + x.Amount.Yi()}
		}
	}
	m, point, err := s.zoneCanvas(ctx)
	if err != nil {
		return err
	}
	for _, z := range zs {
		pref := prefectureCode(z.Host)
		v.Zones = append(v.Zones, choice{z.Code, z.Name})
		if v.Prefecture != "" && pref != v.Prefecture || v.Zone != "" && z.Code != v.Zone {
			continue
		}
		v.Sample = v.Sample || z.Example
		row := investSiteRow{Zone: z, PrefName: names[pref].Name, Site: siteOf[z.Code],
			Projects: int(counts[z.Code][0]), Amount: counts[z.Code][1]}
		v.Sites = append(v.Sites, row)
		if math.IsNaN(z.Lat) || math.IsNaN(z.Lon) {
			continue
		}
		x, y := point(z.Lon, z.Lat)
		k := map[string]int{zone.LevelNational: 0, zone.LevelProvincial: 1}[z.Level]
		if z.Level == zone.LevelOther {
			k = 2
		}
		m.Points = append(m.Points, zonePoint{Code: z.Code, Title: z.Name, Class: "g" + itoa(k), Fill: gradeFills[k],
			X: math.Round(x*10) / 10, Y: math.Round(y*10) / 10})
		for i, sp := range z.Subparks {
			// Sub-parks have no coordinates of their own: around their zone.
			a := 2 * math.Pi * float64(i) / float64(len(z.Subparks))
			m.Points = append(m.Points, zonePoint{Code: z.Code, Title: ui(pageLang(r), "imap.subparkOf", sp.Name, z.Name),
				Class: "subpark", Fill: gradeFills[3], X: math.Round((x+12*math.Cos(a))*10) / 10, Y: math.Round((y+12*math.Sin(a))*10) / 10})
		}
	}
	lang := pageLang(r)
	for k, key := range []string{"zones.level.national", "zones.level.provincial", "zones.level.other", "imap.subpark"} {
		m.Legend = append(m.Legend, zoneLegend{Grade: ui(lang, key), Fill: gradeFills[k]})
	}
	v.Map = m
	for code, u := range names {
		if u.Kind == store.UnitPrefecture {
			v.Prefectures = append(v.Prefectures, choice{code, u.Name})
		}
	}
	sortChoices(v.Prefectures)
	s.render(w, r, http.StatusOK, "invest_map", v)
	return nil
}

// prefectureCode is the prefecture of a host code (a county's first four
// digits + 00; a prefecture is its own).
func prefectureCode(host string) string {
	if len(host) == 6 {
		return host[:4] + "00"
	}
	return host
}

// countyStages turns the map's counts into a row per county and zone with
// a count per stage.
func countyStages(cs []store.InvestMapCount, names map[string]store.Unit, noZone string) []investCountyStages {
	var out []investCountyStages
	key := ""
	for _, x := range cs {
		if k := x.County + "|" + x.Zone; k != key || len(out) == 0 {
			key = k
			z := noZone
			if x.Zone != "" {
				z = x.Zone
				if u, ok := names[x.Zone]; ok {
					z = u.Name
				}
			}
			name := x.County
			if u, ok := names[x.County]; ok {
				name = u.Name
			}
			out = append(out, investCountyStages{Name: name, Zone: z, Counts: make([]int, len(invest.Stages))})
		}
		row := &out[len(out)-1]
		if i := slices.Index(invest.Stages, x.Stage); i >= 0 {
			row.Counts[i] += x.Projects
		}
		row.Total += x.Projects
	}
	return out
}

// hasPrices reports whether a site row shows prices (for the template).
func (r investSiteRow) HasPrices() bool { return r.Site != nil && r.Site.HasPrices() }

// SourceText is the site's source with its note, for the table.
func (r investSiteRow) SourceText() string {
	if r.Site == nil {
		return ""
	}
	return strings.TrimSpace(strings.Join([]string{r.Site.Source, r.Site.Note}, " "))
}

// mapChainFilter fills the chain and node choices of the map from
// ?chain= and ?node= and returns the predicate that keeps the projects on
// them (nil without a chain). An unknown chain or node is ignored.
func (s *Server) mapChainFilter(r *http.Request, v *investMapView) (func(industry, node string) bool, error) {
	cs, err := s.db.Chains(r.Context())
	if err != nil {
		return nil, err
	}
	q := r.URL.Query()
	var on *store.Chain
	for i := range cs {
		v.Chains = append(v.Chains, choice{Code: cs[i].Code, Name: cs[i].Name})
		if cs[i].Code == q.Get("chain") {
			on = &cs[i]
		}
	}
	if on == nil {
		return nil, nil
	}
	v.Chain = on.Code
	for _, n := range on.Nodes {
		v.Nodes = append(v.Nodes, choice{Code: n.Code, Name: n.Name})
		if n.Code == q.Get("node") {
			v.Node = n.Code
		}
	}
	c, m := on.Map(), chain.NewMatcher(on.Map())
	node := v.Node
	return func(industry, explicit string) bool {
		p := chain.Project{Industry: industry}
		p.Chain, p.Node, _ = strings.Cut(explicit, "/")
		got := chain.NodeOf(c, m, &p)
		return got != "" && (node == "" || got == node)
	}, nil
}
