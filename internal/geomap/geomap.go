// Package geomap reads a boundary map uploaded by an administrator
// (GeoJSON: a FeatureCollection of Polygon or MultiPolygon features, each
// with a 6-digit division code in one of its properties — adcode, code,
// id, gb or their upper-case forms — or as the feature's id, in longitude
// and latitude degrees, CGCS2000 or WGS84: the two differ by centimetres),
// checks it against the unit catalogue, and projects it once to SVG paths,
// so that pages draw it without any script and print it as it is.
package geomap

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

type geoFeature struct {
	ID         any            `json:"id"`
	Properties map[string]any `json:"properties"`
	Geometry   *struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	} `json:"geometry"`
}

type geoCollection struct {
	Type     string       `json:"type"`
	Features []geoFeature `json:"features"`
}

// Shape is one feature: its code and its polygons (rings of lon/lat).
type Shape struct {
	Code  string
	Polys [][][][2]float64 // polygon → ring → point
}

var sixDigits = regexp.MustCompile(`^[0-9]{6}$`)

// codeOf finds a feature's division code.
func codeOf(f geoFeature) string {
	for _, k := range []string{"adcode", "code", "id", "gb", "ADCODE", "CODE", "ID", "GB", "PAC"} {
		if c := codeText(f.Properties[k]); c != "" {
			return c
		}
	}
	return codeText(f.ID)
}

func codeText(v any) string {
	var s string
	switch x := v.(type) {
	case string:
		s = strings.TrimSpace(x)
	case float64:
		if x == math.Trunc(x) {
			s = strconv.FormatFloat(x, 'f', 0, 64)
		}
	}
	// 9-digit GB codes (156620102) carry the country's prefix.
	if len(s) == 9 && strings.HasPrefix(s, "156") {
		s = s[3:]
	}
	if sixDigits.MatchString(s) {
		return s
	}
	return ""
}

// Parse reads a boundary map. Every problem is returned at once,
// naming the feature (its index from 1, and its code when it has one).
func Parse(b []byte) ([]Shape, error) {
	var fc geoCollection
	if err := json.Unmarshal(b, &fc); err != nil {
		return nil, fmt.Errorf("不是有效的 GeoJSON：%v", err)
	}
	if fc.Type != "FeatureCollection" {
		return nil, fmt.Errorf("GeoJSON 的 type 应为 FeatureCollection，而不是 %q", fc.Type)
	}
	var shapes []Shape
	var errs []error
	for i, f := range fc.Features {
		code := codeOf(f)
		where := fmt.Sprintf("第 %d 个要素", i+1)
		if code == "" {
			errs = append(errs, fmt.Errorf("%s没有 6 位区划代码（属性 adcode、code 或 id）", where))
			continue
		}
		where += "（" + code + "）"
		if f.Geometry == nil {
			errs = append(errs, fmt.Errorf("%s没有几何图形", where))
			continue
		}
		var polys [][][][2]float64
		var err error
		switch f.Geometry.Type {
		case "Polygon":
			var p [][][2]float64
			err = json.Unmarshal(f.Geometry.Coordinates, &p)
			polys = [][][][2]float64{p}
		case "MultiPolygon":
			err = json.Unmarshal(f.Geometry.Coordinates, &polys)
		default:
			err = fmt.Errorf("几何类型 %q 不是 Polygon 或 MultiPolygon", f.Geometry.Type)
		}
		if err == nil {
			err = checkDegrees(polys)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s：%v", where, err))
			continue
		}
		shapes = append(shapes, Shape{Code: code, Polys: polys})
	}
	if len(fc.Features) == 0 {
		errs = append(errs, errors.New("GeoJSON 中没有要素"))
	}
	return shapes, errors.Join(errs...)
}

// checkDegrees refuses coordinates that are not longitude and latitude
// (a Projected file in metres, say).
func checkDegrees(polys [][][][2]float64) error {
	for _, p := range polys {
		for _, ring := range p {
			for _, pt := range ring {
				if math.Abs(pt[0]) > 180 || math.Abs(pt[1]) > 90 || math.IsNaN(pt[0]) || math.IsNaN(pt[1]) {
					return fmt.Errorf("坐标 (%g, %g) 不是经纬度（应为 CGCS2000 或 WGS84 经纬度）", pt[0], pt[1])
				}
			}
		}
	}
	return nil
}

// Projected is a boundary map Projected to SVG: one path per feature.
type Projected struct {
	Width, Height float64
	Paths         map[string]string // code → SVG path data
	Codes         []string          // in the file's order

	minX, maxY, kx, scale float64 // the projection, for Point
}

// Point projects a longitude and latitude as the paths were (zones drawn
// as points on the map, page_zone_map.go).
func (p *Projected) Point(lon, lat float64) (x, y float64) {
	return (lon - p.minX) * p.kx * p.scale, (p.maxY - lat) * p.scale
}

// Project draws shapes in a width-wide box: an equirectangular projection
// with the longitude scaled by the cosine of the middle latitude, which is
// accurate enough for a province. Points closer than half a unit to the
// last kept one are dropped, which shrinks a detailed boundary file
// tenfold without a visible change.
func Project(shapes []Shape, width float64) Projected {
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, s := range shapes {
		for _, p := range s.Polys {
			for _, ring := range p {
				for _, pt := range ring {
					minX, maxX = min(minX, pt[0]), max(maxX, pt[0])
					minY, maxY = min(minY, pt[1]), max(maxY, pt[1])
				}
			}
		}
	}
	out := Projected{Width: width, Paths: map[string]string{}}
	if math.IsInf(minX, 0) {
		return out
	}
	kx := math.Cos((minY + maxY) / 2 * math.Pi / 180)
	scale := width / max((maxX-minX)*kx, 1e-9)
	out.Height = math.Ceil((maxY - minY) * scale)
	out.minX, out.maxY, out.kx, out.scale = minX, maxY, kx, scale
	for _, s := range shapes {
		var b strings.Builder
		for _, p := range s.Polys {
			for _, ring := range p {
				lastX, lastY := math.Inf(1), math.Inf(1)
				n := 0
				for i, pt := range ring {
					x, y := (pt[0]-minX)*kx*scale, (maxY-pt[1])*scale
					if i > 0 && i < len(ring)-1 && math.Hypot(x-lastX, y-lastY) < 0.5 {
						continue
					}
					if n == 0 {
						b.WriteByte('M')
					} else {
						b.WriteByte('L')
					}
					b.WriteString(strconv.FormatFloat(math.Round(x*10)/10, 'f', -1, 64))
					b.WriteByte(',')
					b.WriteString(strconv.FormatFloat(math.Round(y*10)/10, 'f', -1, 64))
					lastX, lastY = x, y
					n++
				}
				if n > 0 {
					b.WriteByte('Z')
				}
			}
		}
		if _, dup := out.Paths[s.Code]; !dup {
			out.Codes = append(out.Codes, s.Code)
		}
		out.Paths[s.Code] += b.String()
	}
	return out
}

// Report says how an uploaded map fits the unit catalogue.
type Report struct {
	Features int
	Counties int      // county features matched
	Missing  []string // counties of the catalogue without a shape: "620102 城关区"
	Unknown  []string // codes that are no unit of the catalogue
	Other    []string // units that are not counties (drawn as background): "620200 嘉峪关市"
}

// Coverage compares the shapes' codes with the catalogue.
func Coverage(shapes []Shape, counties, others map[string]string) Report {
	rep := Report{Features: len(shapes)}
	seen := map[string]bool{}
	for _, s := range shapes {
		seen[s.Code] = true
	}
	for code := range seen {
		switch {
		case counties[code] != "":
			rep.Counties++
		case others[code] != "":
			rep.Other = append(rep.Other, code+" "+others[code])
		default:
			rep.Unknown = append(rep.Unknown, code)
		}
	}
	for code, name := range counties {
		if !seen[code] {
			rep.Missing = append(rep.Missing, code+" "+name)
		}
	}
	slices.Sort(rep.Missing)
	slices.Sort(rep.Unknown)
	slices.Sort(rep.Other)
	return rep
}
