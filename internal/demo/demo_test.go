package demo

import (
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func mustGenerate(t *testing.T, year int) *Data {
	t.Helper()
	d, err := Generate(year)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestCountiesAndPrefectures(t *testing.T) {
	cs := Counties()
	if len(cs) != 86 {
		t.Fatalf("%d counties, want 86", len(cs))
	}
	pre := Prefectures()
	if len(pre) != 14 {
		t.Fatalf("%d prefectures, want 14", len(pre))
	}
	names := map[string]string{}
	for _, p := range pre {
		names[p.Code] = p.Name
	}
	code := regexp.MustCompile(`^62\d{4}$`)
	seen := map[string]bool{}
	for _, c := range cs {
		if !code.MatchString(c.Code) || seen[c.Code] {
			t.Errorf("code %q is malformed or repeated", c.Code)
		}
		seen[c.Code] = true
		if names[c.PrefectureCode] != c.PrefectureName {
			t.Errorf("%s %s: prefecture %s %s is not in the prefecture list", c.Code, c.Name, c.PrefectureCode, c.PrefectureName)
		}
		if c.Pop2020 <= 0 || c.UrbanPop2020+c.RuralPop2020 != c.Pop2020 || c.Pop2010 <= 0 {
			t.Errorf("%s %s: population %d = %d urban + %d rural, 2010 %d", c.Code, c.Name, c.Pop2020, c.UrbanPop2020, c.RuralPop2020, c.Pop2010)
		}
	}
	if c, ok := CountyByCode("620622"); !ok || c.Name != "古浪县" || c.Pop2020 != 250177 {
		t.Errorf("古浪县 = %+v, %v; want the census figure 250177", c, ok)
	}
	if _, ok := CountyByCode("620171"); ok {
		t.Error("兰州新区 (a statistical area, not a county) is listed")
	}
}

func TestCountyTypes(t *testing.T) {
	known := map[string]bool{}
	for _, ty := range Types() {
		known[ty] = true
	}
	count := map[string]int{}
	for _, c := range Counties() {
		t1, t2 := CountyTypes(c.Code)
		if !known[t1] || (t2 != "" && !known[t2]) || t1 == t2 {
			t.Errorf("%s %s: types %q, %q", c.Code, c.Name, t1, t2)
		}
		count[t1]++
		if t2 != "" {
			count[t2]++
		}
		if strings.HasSuffix(c.Name, "区") && t1 != Urban && t1 != Industry {
			t.Errorf("district %s %s has primary type %s", c.Code, c.Name, t1)
		}
	}
	for _, ty := range Types() {
		if count[ty] < 8 {
			t.Errorf("type %s has %d counties, want at least 8", ty, count[ty])
		}
	}
	if len(countyTypes) != 86 {
		t.Errorf("the type table has %d entries, want 86", len(countyTypes))
	}
	published := map[string][2]string{
		"620602": {Urban, Industry}, "620621": {Ecology, Agriculture}, "620622": {Agriculture, Industry},
		"620802": {Urban, Industry}, "622901": {Urban, ""}, "620525": {Agriculture, Ecology},
		"620902": {Urban, ""}, "620921": {Agriculture, ""}, "620982": {Tourism, ""}, "620924": {Ecology, ""},
	}
	for code, want := range published {
		if t1, t2 := CountyTypes(code); t1 != want[0] || t2 != want[1] {
			t.Errorf("%s: types %s+%s, published %s+%s", code, t1, t2, want[0], want[1])
		}
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	for _, y := range []int{2021, 2022} {
		if d := cmp.Diff(mustGenerate(t, y), mustGenerate(t, y)); d != "" {
			t.Errorf("%d: two runs differ (-first +second):\n%s", y, d)
		}
	}
	if _, err := Generate(2020); err == nil {
		t.Error("Generate(2020) gave no error")
	}
}

func TestGDPCalibration(t *testing.T) {
	d21, d22 := mustGenerate(t, 2021), mustGenerate(t, 2022)
	sum := func(v []float64) float64 {
		s := 0.0
		for _, x := range v {
			s += x
		}
		return s
	}
	s21, s22 := sum(d21.Values("gdp")), sum(d22.Values("gdp"))
	if math.Abs(s22-GDPTotal2022) > 0.005*GDPTotal2022 || math.Abs(s22-GDPTotal2022) > 0.005 {
		t.Errorf("2022 GDP total %.2f, published %.1f", s22, GDPTotal2022)
	}
	if g := round(100*(s22/s21-1), 2); g != GDPNominalGrowth {
		t.Errorf("2022 nominal growth %.2f %% (totals %.2f / %.2f), published %.2f", g, s22, s21, GDPNominalGrowth)
	}
	if n := over100(d22.Values("gdp")); n != CountiesOver100 {
		t.Errorf("%d counties over 100亿元 in 2022, published %d", n, CountiesOver100)
	}
	for code, p := range PressFigures() {
		r := rowOf(t, d22, code)
		if r.Value("gdp") != p.GDP || (!math.IsNaN(p.Growth) && r.Value("gdp_growth") != p.Growth) {
			t.Errorf("%s %s: GDP %v growth %v; press %v, %v", code, r.Name, r.Value("gdp"), r.Value("gdp_growth"), p.GDP, p.Growth)
		}
	}
	// Every county's nominal growth stays in a believable band.
	for i, r := range d22.Rows {
		g := 100 * (r.Value("gdp")/d21.Rows[i].Value("gdp") - 1)
		if g < -2 || g > 25 {
			t.Errorf("%s %s: nominal GDP growth %.1f %%", r.Code, r.Name, g)
		}
	}
}

func rowOf(t *testing.T, d *Data, code string) Row {
	t.Helper()
	for _, r := range d.Rows {
		if r.Code == code {
			return r
		}
	}
	t.Fatalf("no row for %s", code)
	return Row{}
}

func TestIndicatorRanges(t *testing.T) {
	limits := map[string][2]float64{
		"gdp": {5, 1500}, "gdp_growth": {-5, 15}, "pop": {0.5, 200}, "fiscal_rev": {0.1, 150}, "fiscal_rev_prev": {0.1, 150},
		"ind_growth": {-20, 30}, "fai_growth": {-35, 45}, "retail": {0.5, 800}, "tourism_rev": {0.1, 300},
		"agri_output": {0.1, 150}, "grain": {0.05, 100}, "funds_in": {0.5, 500}, "export": {0.01, 600},
		"urban_income": {20000, 65000}, "rural_income": {7000, 32000}, "rural_income_growth": {4, 14},
		"urbanisation": {10, 100}, "energy_decline": {-8, 10}, "air_quality": {70, 100}, "forest": {0.5, 75},
		"debt_ratio": {40, 300}, "new_entities": {50, 40000}, "review": {60, 100}, "satisfaction": {60, 100},
		"ind_share": {2, 70}, "new_firms": {0, 200}, "ind_invest_growth": {-40, 60}, "funds_in_prev": {0.5, 500},
		"tax_share": {40, 92},
	}
	for _, y := range []int{2021, 2022} {
		d := mustGenerate(t, y)
		for j, ind := range Indicators() {
			lim, ok := limits[ind.Code]
			if !ok {
				t.Fatalf("no limits for %s", ind.Code)
			}
			for _, r := range d.Rows {
				v := r.Values[j]
				if !(v >= lim[0] && v <= lim[1]) {
					t.Errorf("%d %s %s: %s = %v outside [%v, %v]", y, r.Code, r.Name, ind.Code, v, lim[0], lim[1])
				}
				if v != round(v, ind.Decimals) {
					t.Errorf("%d %s: %s = %v has more than %d decimals", y, r.Code, ind.Code, v, ind.Decimals)
				}
			}
		}
	}
}

// TestYearsFitTogether checks the figures that two years share.
func TestYearsFitTogether(t *testing.T) {
	d21, d22 := mustGenerate(t, 2021), mustGenerate(t, 2022)
	for i, r := range d22.Rows {
		p := d21.Rows[i]
		if r.Code != p.Code {
			t.Fatalf("row %d: %s in 2022, %s in 2021", i, r.Code, p.Code)
		}
		if r.Value("fiscal_rev_prev") != p.Value("fiscal_rev") {
			t.Errorf("%s: 2022 previous-year revenue %v, 2021 revenue %v", r.Code, r.Value("fiscal_rev_prev"), p.Value("fiscal_rev"))
		}
		implied := p.Value("rural_income") * (1 + r.Value("rural_income_growth")/100)
		if math.Abs(implied-r.Value("rural_income")) > 1 {
			t.Errorf("%s: rural income %v × (1 + %v %%) = %.0f, but 2022 is %v", r.Code, p.Value("rural_income"),
				r.Value("rural_income_growth"), implied, r.Value("rural_income"))
		}
		if r.Value("urbanisation") < p.Value("urbanisation") || r.Value("pop") <= 0 {
			t.Errorf("%s: urbanisation fell from %v to %v", r.Code, p.Value("urbanisation"), r.Value("urbanisation"))
		}
	}
}

// TestIndicatorStructure checks the relations the generator is built on.
func TestIndicatorStructure(t *testing.T) {
	d := mustGenerate(t, 2022)
	if c := corr(d.Values("urbanisation"), d.Values("urban_income")); c < 0.3 {
		t.Errorf("corr(urbanisation, urban income) = %.2f, want > 0.3", c)
	}
	if c := corr(d.Values("urbanisation"), d.Values("rural_income")); c < 0.3 {
		t.Errorf("corr(urbanisation, rural income) = %.2f, want > 0.3", c)
	}
	for _, tt := range []struct {
		typ, ind string
		ratio    float64 // the type's mean over the others' at least
	}{
		{Agriculture, "grain", 1.2}, {Agriculture, "agri_output", 1.2}, {Tourism, "tourism_rev", 1.2},
		{Ecology, "forest", 1.2}, {Industry, "ind_growth", 1},
	} {
		var in, out []float64
		for _, r := range d.Rows {
			if hasType(r.Code, tt.typ) {
				in = append(in, r.Value(tt.ind))
			} else {
				out = append(out, r.Value(tt.ind))
			}
		}
		if mean(in) <= tt.ratio*mean(out) {
			t.Errorf("%s: mean %s %.2f for %s counties, %.2f for the others", tt.ind, tt.ind, mean(in), tt.typ, mean(out))
		}
	}
}

func mean(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

func corr(x, y []float64) float64 {
	mx, my := mean(x), mean(y)
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

func TestEventsAndTargets(t *testing.T) {
	d := mustGenerate(t, 2022)
	doc := regexp.MustCompile(`^甘\p{Han}+〔2022〕\d+号$`)
	perType := map[string]int{}
	vetoed := map[string]bool{}
	for _, e := range d.Events {
		if _, ok := CountyByCode(e.Code); !ok {
			t.Errorf("event for unknown county %s", e.Code)
		}
		if !slices.Contains(EventTypes(), e.Type) {
			t.Errorf("unknown event type %q", e.Type)
		}
		if day, err := time.Parse("2006-01-02", e.Date); err != nil || day.Year() != 2022 {
			t.Errorf("event date %q is not a day of 2022", e.Date)
		}
		if !doc.MatchString(e.DocNo) || e.Dept == "" || !strings.Contains(e.Note, "示例数据") || !strings.Contains(e.Note, "虚构") {
			t.Errorf("event %+v: document number, department or 示例数据/虚构 note missing", e)
		}
		perType[e.Type]++
		if e.Type == MajorAccident || e.Type == IllegalDebt {
			vetoed[e.Code] = true
		}
	}
	if !vetoed["620102"] {
		t.Error("城关区, the largest economy, has no veto: the award skipping would not show")
	}
	if len(vetoed) < 2 || perType[SeriousAccident] < 3 || perType[EcoInspection] < 3 {
		t.Errorf("events per type %v, vetoed %v: want vetoes and several deductions of both kinds", perType, vetoed)
	}
	if !slices.IsSortedFunc(d.Events, func(a, b Event) int { return strings.Compare(a.Date, b.Date) }) {
		t.Error("events are not in date order")
	}
	d21 := mustGenerate(t, 2021)
	if len(d21.Events) != 0 {
		t.Error("2021 has events")
	}
	// Both years have targets, so that funds_in is scored by the same rule
	// (completion) in both.
	for _, d := range []*Data{d21, d} {
		if len(d.Targets) != 86 {
			t.Fatalf("%d: %d targets, want 86", d.Year, len(d.Targets))
		}
		for i, tg := range d.Targets {
			done := d.Rows[i].Value("funds_in") / tg.Value
			if tg.Code != d.Rows[i].Code || tg.Indicator != "funds_in" || tg.Value <= 0 || tg.Note != "示例数据" || done < 0.5 || done > 1.6 {
				t.Errorf("%d target %+v: completion %.2f", d.Year, tg, done)
			}
		}
	}
}
