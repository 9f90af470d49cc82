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
}

// zonePoint is a zone on the map, classed by its grade's place.
type zonePoint struct {
	Code, Title, Class string
	X, Y               float64
}

// Gansu's frame without a boundary map (degrees).
const (
	gansuWest, gansuEast   = 92.1, 108.8
	gansuSouth, gansuNorth = 32.5, 42.9
)

// zoneMap places the rows' zones that have coordinates. Coordinates are
// WGS84/CGCS2000; a boundary file in GCJ-02 is a few hundred metres off,
// which does not show at the scale of a province.
func (s *Server) zoneMap(ctx context.Context, v *zonereport.View, rows []zonereport.Row) (*zoneMapView, error) {
	proj, err := s.boundaries(ctx)
	if err != nil {
		return nil, err
	}
	m := &zoneMapView{}
	var point func(lon, lat float64) (float64, float64)
	if proj != nil {
		m.Width, m.Height = proj.Width, proj.Height
		for _, c := range proj.Codes {
			m.Paths = append(m.Paths, proj.Paths[c])
		}
		point = proj.Point
	} else {
		kx := math.Cos((gansuSouth + gansuNorth) / 2 * math.Pi / 180)
		scale := 800 / ((gansuEast - gansuWest) * kx)
		m.Width, m.Height = 800, math.Ceil((gansuNorth-gansuSouth)*scale)
		point = func(lon, lat float64) (float64, float64) {
			return (lon - gansuWest) * kx * scale, (gansuNorth - lat) * scale
		}
	}
	for _, r := range rows {
		if math.IsNaN(r.Zone.Lat) || math.IsNaN(r.Zone.Lon) {
			continue
		}
		x, y := point(r.Zone.Lon, r.Zone.Lat)
		class := "g3"
		for i, g := range v.Grades {
			if g == r.Grade {
				class = "g" + itoa(min(i, 3))
			}
		}
		title := r.Zone.Name + "：" + r.Grade
		m.Points = append(m.Points, zonePoint{Code: r.Unit, Title: title, Class: class,
			X: math.Round(x*10) / 10, Y: math.Round(y*10) / 10})
	}
	return m, nil
}
