package geomap

import (
	"math"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the boundary map reader: it
// must not panic, and every shape it accepts has a 6-digit code and
// longitude/latitude coordinates.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":620102},` +
		`"geometry":{"type":"Polygon","coordinates":[[[103.8,36.0],[103.9,36.0],[103.9,36.1],[103.8,36.0]]]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"id":"156620102","geometry":{"type":"MultiPolygon",` +
		`"coordinates":[[[[1,2],[3,4],[5,6]]]]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"properties":{"code":"620102"},"geometry":{"type":"Point","coordinates":[1,2]}}]}`))
	f.Add([]byte(`{"type":"FeatureCollection","features":[]}`))
	f.Add([]byte(`[[[[[[[[`))
	f.Fuzz(func(t *testing.T, data []byte) {
		shapes, err := Parse(data)
		if err != nil {
			return
		}
		for _, s := range shapes {
			if !sixDigits.MatchString(s.Code) {
				t.Fatalf("code %q", s.Code)
			}
			for _, p := range s.Polys {
				for _, ring := range p {
					for _, pt := range ring {
						if math.Abs(pt[0]) > 180 || math.Abs(pt[1]) > 90 || math.IsNaN(pt[0]) || math.IsNaN(pt[1]) {
							t.Fatalf("point %v", pt)
						}
					}
				}
			}
		}
	})
}
