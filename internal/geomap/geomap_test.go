package geomap

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestParseErrors: every kind of bad boundary file is refused with a
// message naming the problem (and the feature, from 1, with its code);
// a 9-digit GB code reads as its 6 digits.
func TestParseErrors(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"not JSON", `{`, "不是有效的 GeoJSON"},
		{"not a collection", `{"type":"Feature"}`, "FeatureCollection"},
		{"empty", `{"type":"FeatureCollection","features":[]}`, "没有要素"},
		{"no code", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Polygon","coordinates":[[[100,30],[101,30],[101,31],[100,30]]]}}]}`, "第 1 个要素没有 6 位区划代码"},
		{"metres", `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"adcode":620102},"geometry":{"type":"Polygon","coordinates":[[[11500000,4000000],[1,2],[3,4],[11500000,4000000]]]}}]}`, "（620102）：坐标"},
		{"a line", `{"type":"FeatureCollection","features":[{"type":"Feature","id":"620102","geometry":{"type":"LineString","coordinates":[[100,30],[101,30]]}}]}`, "LineString"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one containing %q", err, tc.want)
			}
		})
	}
	shapes, err := Parse([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"gb":"156620102"},"geometry":{"type":"Polygon","coordinates":[[[100,30],[101,30],[101,31],[100,30]]]}}]}`))
	if err != nil || len(shapes) != 1 || shapes[0].Code != "620102" {
		t.Errorf("a 9-digit GB code: %v, %+v", err, shapes)
	}
}

// TestProjectReference projects the development boundary file (outside the
// repository, it has no licence: shared/refdata beside the repository or
// the folder $QX_REFDATA names; skipped when absent except in CI, where it
// fails): 87 features (86 counties and 嘉峪关市), every path non-empty and
// inside the box.
func TestProjectReference(t *testing.T) {
	dir := os.Getenv("QX_REFDATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "refdata")
	}
	b, err := os.ReadFile(filepath.Join(dir, "geo", "gansu_counties.geojson"))
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(err)
		}
		t.Skipf("the reference boundaries are missing (set QX_REFDATA to the refdata folder): %v", err)
	}
	shapes, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	proj := Project(shapes, 800)
	if len(proj.Codes) != 87 || proj.Width != 800 || proj.Height < 400 || proj.Height > 1000 {
		t.Fatalf("%d shapes in %v×%v", len(proj.Codes), proj.Width, proj.Height)
	}
	num := regexp.MustCompile(`-?[0-9.]+`)
	size := 0
	for _, c := range proj.Codes {
		d := proj.Paths[c]
		size += len(d)
		if !strings.HasPrefix(d, "M") || !strings.HasSuffix(d, "Z") {
			t.Errorf("%s: path %.40s…", c, d)
		}
		for _, v := range num.FindAllString(d, -1) {
			if v[0] == '-' || len(v) > 6 {
				t.Errorf("%s: coordinate %s outside the box", c, v)
				break
			}
		}
	}
	if size > len(b)/2 {
		t.Errorf("the paths take %d bytes of the file's %d: not simplified", size, len(b))
	}
}
