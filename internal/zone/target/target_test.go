package target

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

const m = "工业总产值"

func actuals() Actuals {
	a := Actuals{}
	for _, r := range []struct {
		u string
		y int
		v float64
	}{
		{"A", 2022, 50}, {"A", 2023, 64}, {"B", 2022, 39}, {"B", 2023, 40}, {"C", 2023, 32}, {"D", 2023, 120},
		{"E", 2022, 61}, {"E", 2023, 60}, {"F", 2023, 100}, {"G", 2023, 50},
	} {
		a.Set(r.u, m, r.y, r.v)
	}
	return a
}

func TestCompute(t *testing.T) {
	a := actuals()
	nan := math.NaN()
	for _, c := range []struct {
		name                  string
		target                Target
		ratio, growth, needed float64
		left                  int
		met, onTrack, known   bool
	}{
		// 64 of 100 with 2 years left: needed (100/64)^(1/2) − 1 = 1.25 − 1
		// = 0.25; growth 64/50 − 1 = 0.28 ≥ 0.25: on track.
		{"on track", Target{"A", m, 2025, 100}, 0.64, 0.28, 0.25, 2, false, true, true},
		// 40 of 50 in 3 years: needed 1.25^(1/3) − 1 = 0.0772…; growth
		// 40/39 − 1 = 0.0256…: behind.
		{"behind", Target{"B", m, 2026, 50}, 0.8, 1.0 / 39, math.Cbrt(1.25) - 1, 3, false, false, true},
		// The target year itself: met when 32 ≥ 30.
		{"target year, met", Target{"C", m, 2023, 30}, 32.0 / 30, nan, nan, 0, true, true, true},
		{"target year passed, missed", Target{"C", m, 2022, 40}, 0.8, nan, nan, -1, false, false, true},
		// No 2022 figure: the growth, hence the verdict, is unknown.
		{"no previous year", Target{"D", m, 2025, 150}, 0.8, nan, math.Sqrt(1.25) - 1, 2, false, false, false},
		// Already past the target: needed (50/60)^(1/2) − 1 = −0.0871; a
		// fall of 1/61 = −0.0164 still keeps it on track.
		{"ahead, shrinking", Target{"E", m, 2025, 50}, 1.2, 60.0/61 - 1, math.Sqrt(50.0/60) - 1, 2, true, true, true},
		{"no figure at all", Target{"Z", m, 2025, 50}, nan, nan, nan, 2, false, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := Compute(c.target, a, 2023)
			got := []float64{p.Ratio, p.Growth, p.Needed}
			want := []float64{c.ratio, c.growth, c.needed}
			eq := cmp.Comparer(func(x, y float64) bool { return x == y || math.IsNaN(x) && math.IsNaN(y) || math.Abs(x-y) < 1e-12 })
			if d := cmp.Diff(want, got, eq); d != "" {
				t.Errorf("ratio, growth, needed (-want +got):\n%s", d)
			}
			if p.YearsLeft != c.left || p.Met != c.met || p.OnTrack != c.onTrack || p.Known != c.known {
				t.Errorf("left %d met %v on track %v known %v", p.YearsLeft, p.Met, p.OnTrack, p.Known)
			}
		})
	}
}

const tiersTOML = `
measure = "工业总产值"
[[tier]]
name = "百亿级"
min = 100
target = 12
cluster_target = 1
[[tier]]
name = "50亿级"
min = 50
max = 100
[[tier]]
name = "30–50亿元"
min = 30
max = 50
target = 4
[[cluster]]
name = "X"
members = ["A", "B"]
[[cluster]]
name = "Y"
members = ["A", "nobody"]
`

func TestTiers(t *testing.T) {
	c, err := ParseConfig("t.toml", []byte(tiersTOML))
	if err != nil {
		t.Fatal(err)
	}
	a := actuals()
	c.AddClusters(a)
	// X = A + B: 64 + 40 = 104 in 2023 and 50 + 39 = 89 in 2022; Y has a
	// member without figures: no value.
	if a.Get("X", m, 2023) != 104 || a.Get("X", m, 2022) != 89 || !math.IsNaN(a.Get("Y", m, 2023)) {
		t.Errorf("clusters: %v", a)
	}
	got := map[string][]string{}
	for _, tc := range c.Count(a, 2023) {
		got[tc.Kind+" "+tc.Tier.Name] = tc.Units
	}
	// Lower bounds are in, upper bounds out: F = 100 is 百亿级, G = 50 is
	// 50亿级 not 30–50亿元.
	want := map[string][]string{
		"zone 百亿级":        {"D", "F"},
		"zone 50亿级":       {"A", "E", "G"},
		"zone 30–50亿元":    {"B", "C"},
		"cluster 百亿级":     {"X"},
		"cluster 50亿级":    {},
		"cluster 30–50亿元": {},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	t.Run("bad config", func(t *testing.T) {
		_, err := ParseConfig("t.toml", []byte("[[tier]]\nname = \"a\"\nmin = 5\nmax = 5\ntarget = -1\n[[tier]]\nname = \"a\"\n[[cluster]]\nname = \"c\"\n"))
		var lines []string
		for _, e := range err.(table.Errors) {
			lines = append(lines, e.Format(locale.EN))
		}
		want := "t.toml: tier a: max must exceed min\nt.toml: tier a: a target count cannot be negative\nt.toml: tier name \"a\" is empty or repeated\nt.toml: cluster \"c\" has no name, a repeated name or no members"
		if got := strings.Join(lines, "\n"); got != want {
			t.Errorf("got\n%s", got)
		}
	})
}

func TestReadErrors(t *testing.T) {
	src := "unit,measure,year,target\nA,工业总产值,2025,100\n,工业总产值,25,-1\nA,工业总产值,2025,90\n"
	tab, _ := table.Read("t.csv", strings.NewReader(src))
	_, err := ReadTargets(tab)
	var lines []string
	for _, e := range err.(table.Errors) {
		lines = append(lines, e.Format(locale.ZH))
	}
	want := "t.csv:3:1: unit 不能为空\nt.csv:3:3: 应为四位年份，实际为 \"25\"\nt.csv:4:1: A 的 工业总产值 2025 年重复（第 2 行已出现）"
	if got := strings.Join(lines, "\n"); got != want {
		t.Errorf("got\n%s", got)
	}
	tab, _ = table.Read("t.csv", strings.NewReader("unit,measure,year,target\nA,m,2025,0\n"))
	if _, err := ReadTargets(tab); err == nil || !strings.Contains(err.Error(), "t.csv:2:4: the target must be positive") {
		t.Errorf("zero target: %v", err)
	}
}

func FuzzReadActuals(f *testing.F) {
	f.Add([]byte("unit,measure,year,value\nA,工业总产值,2023,64\nA,工业总产值,2022,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		tab, err := table.Read("f.csv", bytes.NewReader(data))
		if err != nil {
			return
		}
		a, err := ReadActuals(tab)
		if err != nil {
			if _, ok := err.(table.Errors); !ok {
				t.Fatalf("%T %v", err, err)
			}
			return
		}
		for u, ms := range a {
			for _, ys := range ms {
				for y, v := range ys {
					if u == "" || y < 1000 || v != v {
						t.Fatalf("read %q %d %v", u, y, v)
					}
				}
			}
		}
	})
}
