package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/seed"
)

// TestZoneIIPages: /zones shows the tier table against the province's
// target (9 of 12 over 100亿元: 3 short), the zone profile its classes,
// land use and target progress, and an enterprise page its grading
// explained — for a graded enterprise, one fixed by an override, and one
// not graded — in both languages.
func TestZoneIIPages(t *testing.T) {
	d := zoneIISite(t)
	ana := d.as(t, "ana")
	r := ana.do("GET", "/zones", nil)
	body := string(r.body)
	for _, want := range []string{"工业总产值分档", "百亿级", "差 3 个", "产业集群"} {
		if r.status != http.StatusOK || !strings.Contains(body, want) {
			t.Errorf("/zones: %d, no %q", r.status, want)
		}
	}
	r = ana.do("GET", "/zones/GJ01", nil)
	for _, want := range []string{"亩均效益分类", "差别化政策", "土地供应率", "产值目标", "<progress", "此后每年需增长"} {
		if !strings.Contains(string(r.body), want) {
			t.Errorf("/zones/GJ01: no %q", want)
		}
	}
	g, err := d.db.ZoneEnterpriseGrades(ctx, seed.ZoneEnterpriseYear, "")
	must(t, err)
	var graded, fixed, ungraded, moved [2]string // zone, uscc
	for _, x := range g.Grades {
		switch {
		case x.Eligible && x.Fixed && fixed[0] == "":
			fixed = [2]string{x.Zone, x.USCC}
		case !x.Eligible && ungraded[0] == "":
			ungraded = [2]string{x.Zone, x.USCC}
		case x.Eligible && x.ByScore == "A" && x.Class == "B" && moved[0] == "":
			moved = [2]string{x.Zone, x.USCC}
		case x.Eligible && x.ByScore == x.Class && graded[0] == "":
			graded = [2]string{x.Zone, x.USCC}
		}
	}
	for _, c := range []struct {
		e    [2]string
		lang string
		want []string
	}{
		{graded, "zh", []string{"亩均税收", "标准值", "合计得分", "最终分类", "差别化政策"}},
		{graded, "en", []string{"Tax per mu", "Standard", "Final class"}},
		{fixed, "zh", []string{"直接定为 D 类", "最终分类：D 类"}},
		{moved, "zh", []string{"按得分应为 A 类", "名额上限", "最终分类：B 类"}},
		{moved, "en", []string{"The score alone gives class A", "capped at", "Final class: B"}},
		{ungraded, "zh", []string{"不参评"}},
	} {
		if c.e[0] == "" {
			t.Fatalf("no demo enterprise for %v", c.want)
		}
		p := "/zones/" + c.e[0] + "/enterprises/" + c.e[1] + "?lang=" + c.lang
		r := ana.do("GET", p, nil)
		for _, w := range c.want {
			if r.status != http.StatusOK || !strings.Contains(string(r.body), w) {
				t.Errorf("%s: %d, no %q", p, r.status, w)
			}
		}
	}
}
