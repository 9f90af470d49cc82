package web

import (
	"context"
	"fmt"
	"github.com/qiangxian/qiangxian/internal/geomap"
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/gridmap"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
)

// mapView is the county map as the "map" template draws it in inline SVG:
// the tile map by default, the uploaded boundaries when there are some.
// Every county is a link to its profile carrying data-code; its colour
// class (c0…c4 by score quintile, cn without a score) fills it.
type mapView struct {
	Geo           bool
	Width, Height float64
	Tiles         []mapTile
	Shapes        []mapShape
	Legend        []legendItem
}

type mapTile struct {
	Code, Short, Title, Class string
	X, Y, Size, TX, TY        float64
	Long                      bool // a three-character label, set smaller
}

type mapShape struct {
	Code, D, Title, Class string
	County                bool
}

type legendItem struct{ Class, Text string }

const tileSize = 30

func init() {
	registerUI(map[string][2]string{
		"map.title":   {"%s：%s 分，第 %s 名", "%s: score %s, rank %s"},
		"map.noScore": {"%s：无可公开的得分", "%s: no score to show"},
		"map.noData":  {"无数据", "no data"},
		"map.label":   {"县域综合得分地图（点击县区查看详情）", "Map of overall scores (click a county for its profile)"},
		"map.grid":    {"方块地图：每格一个县区，按市州分组排列，不代表实际边界。", "Tile map: one square per county, grouped by prefecture; not real boundaries."},
		"map.geo":     {"边界地图由管理员上传。", "Boundary map uploaded by the administrator."},
	})
}

// countyMap draws the counties coloured by the rows' scores.
func (s *Server) countyMap(ctx context.Context, lang locale.Lang, rows []rankRow) (*mapView, error) {
	units, err := s.db.Units(ctx, store.UnitFilter{})
	if err != nil {
		return nil, err
	}
	counties, others := map[string]store.Unit{}, map[string]string{}
	var cs []gridmap.County
	for _, u := range units {
		if u.Kind == store.UnitCounty {
			counties[u.Code] = u
			cs = append(cs, gridmap.County{Code: u.Code, Name: u.Name, Prefecture: u.Parent})
		} else {
			others[u.Code] = u.Name
		}
	}
	byCode := map[string]rankRow{}
	var scores []float64
	for _, r := range rows {
		byCode[r.Code] = r
		if !math.IsNaN(r.Score) {
			scores = append(scores, r.Score)
		}
	}
	breaks := quintiles(scores)
	class := func(code string) (string, string) {
		name := counties[code].Name
		r, ok := byCode[code]
		if !ok || math.IsNaN(r.Score) {
			return "cn", ui(lang, "map.noScore", name)
		}
		c := 0
		for _, b := range breaks {
			if r.Score >= b {
				c++
			}
		}
		return fmt.Sprintf("c%d", min(c, 4)), ui(lang, "map.title", name, fixed(r.Score, 2), rankText(r.Rank))
	}
	v := &mapView{Legend: legend(lang, breaks)}
	proj, err := s.boundaries(ctx)
	if err != nil {
		return nil, err
	}
	if proj != nil {
		v.Geo, v.Width, v.Height = true, proj.Width, proj.Height
		for _, code := range proj.Codes {
			sh := mapShape{Code: code, D: proj.Paths[code], Class: "other", Title: others[code]}
			if _, ok := counties[code]; ok {
				sh.County = true
				sh.Class, sh.Title = class(code)
			}
			v.Shapes = append(v.Shapes, sh)
		}
		return v, nil
	}
	l := s.gridLayout(cs)
	v.Width, v.Height = float64(l.Cols*tileSize), float64(l.Rows*tileSize)
	var names []string
	for _, t := range l.Tiles {
		names = append(names, t.Name)
	}
	labels := shortLabels(names)
	for i, t := range l.Tiles {
		c, title := class(t.Code)
		x, y := float64(t.Col*tileSize), float64(t.Row*tileSize)
		v.Tiles = append(v.Tiles, mapTile{Code: t.Code, Short: labels[i], Title: title, Class: c,
			X: x, Y: y, Size: tileSize, TX: x + tileSize/2, TY: y + tileSize/2 + 4, Long: len([]rune(labels[i])) > 2})
	}
	return v, nil
}

// shortLabels are the tiles' labels: the first two characters of each
// name, and where two names share them (临夏市, 临夏县) the first two and
// the last, so that no two tiles read the same.
func shortLabels(names []string) []string {
	short := func(name string, n int) string {
		r := []rune(name)
		if n == 3 && len(r) > 3 {
			return string(r[:2]) + string(r[len(r)-1])
		}
		return string(r[:min(n, len(r))])
	}
	count := map[string]int{}
	for _, n := range names {
		count[short(n, 2)]++
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = short(n, 2)
		if count[out[i]] > 1 {
			out[i] = short(n, 3)
		}
	}
	return out
}

// quintiles returns the 20th, 40th, 60th and 80th percentiles of xs
// (nearest rank), the bounds of the five colour classes; none for no data.
func quintiles(xs []float64) []float64 {
	if len(xs) == 0 {
		return nil
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	out := make([]float64, 4)
	for i := range out {
		out[i] = s[min(len(s)-1, (i+1)*len(s)/5)]
	}
	return out
}

func legend(lang locale.Lang, breaks []float64) []legendItem {
	items := []legendItem{}
	if len(breaks) == 4 {
		items = append(items, legendItem{"c0", "< " + fixed(breaks[0], 1)})
		for i := 0; i < 3; i++ {
			items = append(items, legendItem{fmt.Sprintf("c%d", i+1), fixed(breaks[i], 1) + "–" + fixed(breaks[i+1], 1)})
		}
		items = append(items, legendItem{"c4", "≥ " + fixed(breaks[3], 1)})
	}
	return append(items, legendItem{"cn", ui(lang, "map.noData")})
}

// gridLayout returns the tile layout of the counties, computed again only
// when they change.
func (s *Server) gridLayout(cs []gridmap.County) gridmap.Layout {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Code + c.Prefecture + c.Name + ";")
	}
	g := &s.caches.grid
	g.mu.Lock()
	defer g.mu.Unlock()
	if b.String() != g.key {
		g.key, g.layout = b.String(), gridmap.Build(cs, gridmap.GansuAnchors)
	}
	return g.layout
}

// boundaries returns the uploaded map projected for drawing, or nil for
// the tile map.
func (s *Server) boundaries(ctx context.Context) (*geomap.Projected, error) {
	hash, err := s.db.GeoHash(ctx)
	if err != nil || hash == "" {
		return nil, err
	}
	geo := &s.caches.geo
	geo.mu.Lock()
	defer geo.mu.Unlock()
	if hash == geo.hash {
		return geo.proj, nil
	}
	g, err := s.db.GeoJSON(ctx)
	if err != nil {
		return nil, err
	}
	shapes, err := geomap.Parse(g.GeoJSON)
	if err != nil {
		// Checked at upload; a map the server cannot read any more
		// should not take the pages down: draw the tiles and say why.
		s.log.ErrorContext(ctx, "stored boundary map", "err", err)
		return nil, nil
	}
	p := geomap.Project(shapes, 800)
	geo.hash, geo.proj = g.Hash, &p
	return geo.proj, nil
}
