package zone

import (
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

func readTable(t *testing.T, file, csv string) *table.Table {
	t.Helper()
	tb, err := table.Read(file, strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestReadRegistry(t *testing.T) {
	hosts := map[string]bool{"620100": true, "620200": true, "620123": true}
	zt := readTable(t, "z.csv", "code,name,level,kind,host,area_approved,industries,lat,lon,risk_class\n"+
		"G1,兰州经开区,国家级,经济技术开发区,620100,958,装备制造、石化,36.1,103.8,\n"+
		"J1,嘉峪关工业园区,provincial,工业园区,620200,,冶金;新能源;装备;物流,,,\n"+
		"C1,化工园,other,化工园区,620123,,,,,a\n")
	st := readTable(t, "s.csv", "zone,code,name,host,industry,output_share,tax_share\n"+
		"J1,J1-1,东区,620200,冶金,,\nJ1,J1-2,飞地,620123,新能源,0.6,0.4\n")
	_, err := ReadRegistry(zt, st, func(c string) bool { return hosts[c] })
	// J1 names four industries (at most three): column 7.
	if err == nil || err.Error() != "z.csv:3:7: at most 3 leading industries, found 4" {
		t.Fatalf("err = %v", err)
	}
	zt = readTable(t, "z.csv", "code,name,level,kind,host,area_approved,industries,lat,lon,risk_class\n"+
		"G1,兰州经开区,国家级,经济技术开发区,620100,958,装备制造、石化,36.1,103.8,\n"+
		"J1,嘉峪关工业园区,provincial,工业园区,620200,,冶金;新能源,,,\n"+
		"C1,化工园,other,化工园区,620123,,,,,a\n")
	zs, err := ReadRegistry(zt, st, func(c string) bool { return hosts[c] })
	if err != nil {
		t.Fatal(err)
	}
	if len(zs) != 3 || zs[0].Level != LevelNational || !cmp.Equal(zs[0].Industries, []string{"装备制造", "石化"}) ||
		zs[0].AreaApproved != 958 || !math.IsNaN(zs[1].AreaApproved) || zs[2].RiskClass != "A" {
		t.Errorf("zones = %+v", zs)
	}
	// Empty shares are 1; the shared park counts 0.6 of its output.
	want := []Subpark{{"J1-1", "东区", "620200", "冶金", 1, 1}, {"J1-2", "飞地", "620123", "新能源", 0.6, 0.4}}
	if d := cmp.Diff(want, zs[1].Subparks); d != "" {
		t.Error(d)
	}
	// A class-A 化工园区 is capped at the second grade.
	if c := zs[2].GradeCap([]string{"优秀", "良好", "合格"}); c != "良好" {
		t.Errorf("cap = %q", c)
	}
	if c := zs[0].GradeCap([]string{"优秀", "良好"}); c != "" {
		t.Errorf("cap of an ETDZ = %q", c)
	}
}

func TestReadRegistryErrors(t *testing.T) {
	hosts := map[string]bool{"620100": true}
	zt := readTable(t, "z.csv", "code,name,level,kind,host,lat,lon,example\n"+
		"G1,甲,national,经开区,620100,,,\n"+
		"G1,乙,县级,经开区,629999,36,,maybe\n")
	st := readTable(t, "s.csv", "zone,code,name,host,output_share\nX,P1,园,620100,1.5\n")
	_, err := ReadRegistry(zt, st, func(c string) bool { return hosts[c] })
	var es table.Errors
	if !asErrors(err, &es) {
		t.Fatalf("err = %v", err)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Format(locale.EN))
	}
	want := []string{
		"s.csv:2:1: unknown zone \"X\" (it must be in the zones table)",
		"s.csv:2:5: a split ratio must be between 0 and 1, found 1.5",
		"z.csv:3:1: code G1 appears twice",
		"z.csv:3:3: level must be national, provincial or other (国家级, 省级, 其他), found \"县级\"",
		"z.csv:3:5: unknown host \"629999\" (a prefecture or county code)",
		"z.csv:3:6: give latitude and longitude together or neither",
		"z.csv:3:8: must be 1/0, true/false or 是/否, found \"maybe\"",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Error(d)
	}
}

func asErrors(err error, es *table.Errors) bool {
	e, ok := err.(table.Errors)
	*es = e
	return ok
}
