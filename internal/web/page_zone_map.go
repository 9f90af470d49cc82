package web

import (
	"context"
	"math"

	"github.com/qiangxian/qiangxian/internal/zonereport"
)

// zoneMapView is the zones drawn as points: on the uploaded boundary map
// when there is one (its paths beneath), else in a frame of Gansu's
// longitudes and latitudes.
type zoneMapView struct {
	Width, Height float64
	Paths         []string
	Points        []zonePoint
	Legend        []zoneLegend
	Frame         bool        // no boundary map: a plain frame
	Labels        []zoneLabel // without a boundary map: prefecture names where their zones are
}

// zoneLabel is a name placed on the map.
type zoneLabel struct {
	Text string
	X, Y float64
}

// zonePoint is a zone on the map, coloured by its grade's place.
type zonePoint struct {
	Code, Title, Class, Fill string
	X, Y                     float64
}

// zoneLegend is a grade and its colour.
type zoneLegend struct{ Grade, Fill string }

// gradeFills colour the grades from the top; later grades share the last.
// They are SVG attributes, not styles, which the pages' CSP forbids inline.
var gradeFills = []string{"#b3261e", "#e8a33d", "#6b9ac4", "#9aa3ad"}

// Gansu's frame without a boundary map (degrees).
const (
	gansuWest, gansuEast   = 92.1, 108.8
	gansuSouth, gansuNorth = 32.5, 42.9
)

// zoneCanvas is an empty zone map — the uploaded boundaries when there
// are, else Gansu's frame — and the projection of a WGS84 longitude and
// latitude onto it.
func (s *Server) zoneCanvas(ctx context.Context) (*zoneMapView, func(lon, lat float64) (float64, float64), error) {
	proj, err := s.boundaries(ctx)
	if err != nil {
		return nil, nil, err
	}
	m := &zoneMapView{}
	if proj != nil {
		m.Width, m.Height = proj.Width, proj.Height
		for _, c := range proj.Codes {
			m.Paths = append(m.Paths, proj.Paths[c])
		}
		return m, proj.Point, nil
	}
	kx := math.Cos((gansuSouth + gansuNorth) / 2 * math.Pi / 180)
	scale := 800 / ((gansuEast - gansuWest) * kx)
	m.Width, m.Height, m.Frame = 800, math.Ceil((gansuNorth-gansuSouth)*scale), true
	return m, func(lon, lat float64) (float64, float64) {
		return (lon - gansuWest) * kx * scale, (gansuNorth - lat) * scale
	}, nil
}

// zoneMap places the rows' zones that have coordinates. Coordinates are
// WGS84/CGCS2000; a boundary file in GCJ-02 is a few hundred metres off,
// which does not show at the scale of a province.
func (s *Server) zoneMap(ctx context.Context, v *zonereport.View, rows []zonereport.Row, prefs map[string]string) (*zoneMapView, error) {
	m, point, err := s.zoneCanvas(ctx)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if math.IsNaN(r.Zone.Lat) || math.IsNaN(r.Zone.Lon) {
			continue
		}
		x, y := point(r.Zone.Lon, r.Zone.Lat)
		k := len(gradeFills) - 1
		for i, g := range v.Grades {
			if g == r.Grade {
				k = min(i, k)
			}
		}
		title := r.Zone.Name + "：" + r.Grade
		m.Points = append(m.Points, zonePoint{Code: r.Unit, Title: title, Class: "g" + itoa(k), Fill: gradeFills[k],
			X: math.Round(x*10) / 10, Y: math.Round(y*10) / 10})
	}
	if m.Frame {
		// Each prefecture's name below the middle of its zones.
		sum := map[string][3]float64{}
		var order []string
		for _, p := range m.Points {
			r, _ := v.Row(p.Code)
			a, ok := sum[r.Prefecture]
			if !ok {
				order = append(order, r.Prefecture)
			}
			sum[r.Prefecture] = [3]float64{a[0] + p.X, a[1] + p.Y, a[2] + 1}
		}
		for _, pref := range order {
			a := sum[pref]
			m.Labels = append(m.Labels, zoneLabel{Text: prefs[pref], X: math.Round(a[0] / a[2]), Y: math.Round(a[1]/a[2]) + 22})
		}
	}
	for i, g := range v.Grades {
		m.Legend = append(m.Legend, zoneLegend{Grade: g, Fill: gradeFills[min(i, len(gradeFills)-1)]})
	}
	return m, nil
}
