package web_test

import (
	"fmt"
	"html"
	"net/http"
	"regexp"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/store"
)

var ruleItem = regexp.MustCompile(`<li class="rule">([^<]*)</li>`)

// rulesOf is the "rules applied" sentences of a county page.
func rulesOf(t *testing.T, c client, path string) []string {
	t.Helper()
	r := c.do("GET", path, nil)
	if r.status != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, r.status, r.body)
	}
	var out []string
	for _, m := range ruleItem.FindAllStringSubmatch(string(r.body), -1) {
		out = append(out, html.UnescapeString(m[1]))
	}
	return out
}

// missingMethod scores gdp (missing scores the rule's floor) and
// gdp_growth (reported by the county: missing scores 0).
const missingMethod = `[[type]]
name = "全省"
[[node]]
code = "total"
[[node]]
code = "level"
parent = "total"
weight = 1
[[node]]
code = "growth"
parent = "total"
weight = 1
[[indicator]]
code = "gdp"
name = "地区生产总值"
name_en = "GDP"
parent = "level"
weight = 1
missing = "unacceptable"
[indicator.score]
rule = "efficacy"
satisfactory = 1000
unacceptable = 0
[[indicator]]
code = "gdp_growth"
name = "地区生产总值增速"
name_en = "GDP growth"
reported_by = "county"
parent = "growth"
weight = 1
[indicator.score]
rule = "efficacy"
satisfactory = 10
unacceptable = 0
`

// TestCountyRules: the county page says in words which rule applied.
func TestCountyRules(t *testing.T) {
	d := newDemoSite(t)
	ana := d.as(t, "ana")
	test := store.Actor{Username: "test"}

	t.Run("vetoes of the demo 2022 run", func(t *testing.T) {
		// The demo invents no failure of the threshold 能耗双控
		// (energy_decline ≥ -1) for a real county: 红古区 (620111), once
		// vetoed by it, has no rule applied.
		if got := rulesOf(t, d.as(t, ""), "/counties/620111"); len(got) != 0 {
			t.Errorf("620111: %q, want none", got)
		}
		// 城关区 (620102): the event and its 文号.
		if got, want := rulesOf(t, d.as(t, ""), "/counties/620102"),
			[]string{"因“重大安全生产事故”（甘安委〔2022〕49号）一票否决：保留得分和名次，不参加评奖。【虚构事件：示例数据，并非真实发生】"}; !cmp.Equal(got, want) {
			t.Errorf("620102: %q, want %q", got, want)
		}
		if got, want := rulesOf(t, d.as(t, ""), "/counties/620102?lang=en"),
			[]string{`Vetoed for "重大安全生产事故" (甘安委〔2022〕49号): it keeps its score and rank but wins no award. [invented event: sample data, it did not happen]`}; !cmp.Equal(got, want) {
			t.Errorf("620102 in English: %q, want %q", got, want)
		}
	})

	t.Run("missing figures", func(t *testing.T) {
		m, err := d.db.AddMethod(ctx, test, "缺失测试", "2024.1", missingMethod)
		must(t, err)
		// 620121 lacks gdp, 620123 lacks gdp_growth. In 2024, so that no
		// previous run is compared with (there is no 2023 run).
		_, err = d.db.ImportObservations(ctx, test, store.RevisionNote{Kind: "import"}, []store.Observation{
			{Unit: "620102", Indicator: "gdp", Period: "2024", Value: 500},
			{Unit: "620102", Indicator: "gdp_growth", Period: "2024", Value: 5},
			{Unit: "620121", Indicator: "gdp_growth", Period: "2024", Value: 5},
			{Unit: "620123", Indicator: "gdp", Period: "2024", Value: 500},
		})
		must(t, err)
		run, err := evaluation.Compute(ctx, d.db, test, evaluation.ComputeRequest{MethodID: m.ID, Period: "2024"})
		must(t, err)
		for _, c := range []struct{ path, want string }{
			{"/counties/620121?run=%d", "“地区生产总值”缺失，按不允许值计分。"},
			{"/counties/620123?run=%d", "“地区生产总值增速”缺失，该项不得分（0 分）。"},
			{"/counties/620123?run=%d&lang=en", "GDP growth is missing: it scores 0."},
		} {
			path := fmt.Sprintf(c.path, run.ID)
			if got := rulesOf(t, ana, path); !cmp.Equal(got, []string{c.want}) {
				t.Errorf("%s: %q, want %q", path, got, c.want)
			}
		}
		if got := rulesOf(t, ana, fmt.Sprintf("/counties/620102?run=%d", run.ID)); len(got) != 0 {
			t.Errorf("620102 has all its figures, yet: %q", got)
		}
	})

	t.Run("a tie decided by the office", func(t *testing.T) {
		run := d.newRun(t, auth.StateDraft)
		rows, err := d.db.Results(ctx, run.ID, store.ResultFilter{})
		must(t, err)
		// 榆中县 (620123) and 永登县 (620121) tie for the last 十强县 place.
		for i, r := range rows {
			if r.Node == "total" && r.Group == "" && (r.Unit == "620123" || r.Unit == "620121") {
				rows[i].Awards = append(slices.Clone(r.Awards), store.PendingAward+"十强县")
			}
		}
		must(t, d.db.PutResults(ctx, test, run.ID, rows))
		_, err = d.db.Transition(ctx, test, run.ID, auth.StateReview, "")
		must(t, err)
		dec, err := d.db.DecideAward(ctx, test, store.AwardDecision{RunID: run.ID, Award: "十强县", Units: []string{"620123"},
			Reference: "2023年第3次评价领导小组会议纪要"})
		must(t, err)
		day := dec.DecidedAt.Format("2006-01-02")
		for _, c := range []struct{ unit, want string }{
			{"620123", "“十强县”末位并列，经评价办公室认定（2023年第3次评价领导小组会议纪要，" + day + "）获得该奖项。"},
			{"620121", "“十强县”末位并列，经评价办公室认定（2023年第3次评价领导小组会议纪要，" + day + "）由其他单位获得。"},
		} {
			got := rulesOf(t, ana, fmt.Sprintf("/counties/%s?run=%d", c.unit, run.ID))
			if !slices.Contains(got, c.want) {
				t.Errorf("%s: %q, want among them %q", c.unit, got, c.want)
			}
		}
	})
}
