package web_test

import (
	"context"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/web"
)

// demoSite is a server on the Gansu demo (2021 published with the winners
// public, 2022 with the full table) with a token per account of demoUsers.
type demoSite struct {
	url    string
	db     *store.DB
	tokens map[string]string
}

// demoUsers are the accounts of a demoSite: the office's chain (analyst,
// office head, approver), the users of 凉州区 and 城关区, a viewer.
var demoUsers = []store.User{
	{Username: "ana", Role: auth.RoleAnalyst},
	{Username: "head", Role: auth.RoleOfficeHead},
	{Username: "boss", Role: auth.RoleApprover, DisplayName: "王某某"},
	{Username: "liangzhou", Role: auth.RoleCounty, Unit: "620602"},
	{Username: "chengguan", Role: auth.RoleCounty, Unit: "620102"},
	{Username: "tjj", Role: auth.RoleDepartment, Department: "统计局"},
	{Username: "viewer", Role: auth.RoleViewer},
}

func newDemoSite(t testing.TB) *demoSite { return newDemoSiteAt(t, nil) }

// newDemoSiteAt is newDemoSite with the server's and the store's clock
// clk (nil: the real clock).
func newDemoSiteAt(t testing.TB, clk *clock) *demoSite {
	return newDemoSiteOpts(t, clk, seed.Options{})
}

// newWinnersDemoSite is newDemoSite with the 2021 run published at
// visibility "winners": the tests of what the public may not read.
func newWinnersDemoSite(t testing.TB) *demoSite {
	return newDemoSiteOpts(t, nil, seed.Options{EarlierVisibility: auth.VisWinners})
}

// newDemoSiteOpts is newDemoSiteAt with the demo loaded with opts.
func newDemoSiteOpts(t testing.TB, clk *clock, opts seed.Options) *demoSite {
	t.Helper()
	cfg := testConfig()
	cfg.Demo = true
	// On the real clock a copy of the demo loaded once (demoStore); with
	// the test's clock the demo is loaded at start, on that clock.
	var db *store.DB
	if clk == nil {
		db = demoStore(t, opts, cfg.AdminPassword)
	} else {
		db = storetest.MustOpen(t)
	}
	hooks := web.Hooks{Seed: func(ctx context.Context, db *store.DB, pw string) (string, error) {
		opts.AdminPassword = pw
		l, err := seed.LoadDemoOpts(ctx, db, opts)
		return l.AdminPassword, err
	}}
	if clk != nil {
		db.SetClock(clk.now)
		hooks.Now = clk.now
	}
	srv := start(t, db, cfg, hooks)
	d := &demoSite{url: srv.url, db: db, tokens: map[string]string{}}
	a := store.Actor{Username: "test"}
	for _, u := range demoUsers {
		u.PasswordHash = passwordHash
		_, err := db.CreateUser(ctx, a, u)
		must(t, err)
		tok, _, err := db.CreateAPIToken(ctx, a, u.Username, "test", time.Time{})
		must(t, err)
		d.tokens[u.Username] = tok
	}
	return d
}

// as is a client of user ("" for anonymous).
func (d *demoSite) as(t testing.TB, user string) client {
	return client{t: t, base: d.url, token: d.tokens[user]}
}

// newRun computes a 2022 run of the demo method and moves it to state.
func (d *demoSite) newRun(t *testing.T, state auth.RunState) store.Run {
	t.Helper()
	ms, err := d.db.Methods(ctx)
	must(t, err)
	run, err := evaluation.Compute(ctx, d.db, store.Actor{Username: "test"}, evaluation.ComputeRequest{MethodID: ms[0].ID, Period: "2022"})
	must(t, err)
	return storetest.Advance(t, d.db, store.Actor{Username: "test"}, run.ID, state)
}

var (
	dataTotal  = regexp.MustCompile(`<tr class="contrib[^"]*" data-total="([^"]+)"`)
	dataChange = regexp.MustCompile(`data-change="([^"]+)"`)
)

// TestCountyProfile: the profile of 肃州区 (a 2021 winner, so the public
// sees both years) in the 2022 run, as the public
// sees it, explains its change with contributions that add up to it (what
// it would take to rise is for the county and the province only: see
// TestCountyPointsVisibility).
func TestCountyProfile(t *testing.T) {
	d := newDemoSite(t)
	r := d.as(t, "").do("GET", "/counties/620902", nil)
	if r.status != http.StatusOK {
		t.Fatalf("GET /counties/620902: %d %s", r.status, r.body)
	}
	body := string(r.body)
	for _, want := range []string{"肃州区", `id="areas"`, "同类型平均", `id="explain"`, "名次为什么变化", "自身变化", "他县变化",
		`id="strengths"`, `id="interval"`, "历年排名", "地区生产总值"} {
		if !strings.Contains(body, want) {
			t.Errorf("the profile lacks %q", want)
		}
	}
	m := dataChange.FindStringSubmatch(body)
	if m == nil {
		t.Fatal("no data-change on the explanation table")
	}
	change, err := strconv.ParseFloat(m[1], 64)
	must(t, err)
	sum := 0.0
	rows := dataTotal.FindAllStringSubmatch(body, -1)
	for _, x := range rows {
		v, err := strconv.ParseFloat(x[1], 64)
		must(t, err)
		sum += v
	}
	if len(rows) < 10 || math.Abs(sum-change) > 1e-9 || change == 0 {
		t.Errorf("%d contributions sum to %.12g, the change is %.12g", len(rows), sum, change)
	}
	// The history lists both published years.
	for _, y := range []string{"<td>2021</td>", "<td>2022</td>"} {
		if !strings.Contains(body, y) {
			t.Errorf("the history lacks %s", y)
		}
	}
}

// TestCountyProfileAccess: unpublished results are seen only by those who
// may; a unit that is not a county is 404.
func TestCountyProfileAccess(t *testing.T) {
	d := newDemoSite(t)
	notice := d.newRun(t, auth.StateNotice)
	draft := d.newRun(t, auth.StateDraft)
	path := func(code string, run store.Run) string {
		return "/counties/" + code + "?run=" + strconv.FormatInt(run.ID, 10)
	}
	// In 公示 the public reads a unit's row when it is a proposed award
	// winner (the run is at visibility none), others only their own.
	rows, err := d.db.Results(ctx, notice.ID, store.ResultFilter{Units: []string{"620602"}})
	must(t, err)
	winner := false
	for _, x := range rows {
		winner = winner || len(x.Awards) > 0
	}
	public := func(refused int) int {
		if winner {
			return http.StatusOK
		}
		return refused
	}
	cases := []struct {
		name, user, path string
		status           int
	}{
		{"own county in notice", "liangzhou", path("620602", notice), http.StatusOK},
		{"another county in notice", "chengguan", path("620602", notice), public(http.StatusForbidden)},
		{"county user, draft", "liangzhou", path("620602", draft), http.StatusForbidden},
		{"analyst, draft", "ana", path("620602", draft), http.StatusOK},
		{"anonymous, notice", "", path("620602", notice), public(http.StatusSeeOther)}, // to the login
		{"viewer, notice", "viewer", path("620602", notice), public(http.StatusForbidden)},
		{"not a county", "", "/counties/620600", http.StatusNotFound},
		{"unknown code", "", "/counties/999999", http.StatusNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := d.as(t, tc.user).do("GET", tc.path, nil)
			if r.status != tc.status {
				t.Errorf("GET %s as %q: %d, want %d", tc.path, tc.user, r.status, tc.status)
			}
			if tc.status == http.StatusOK && !showsRun(r.body, notice.ID) && !showsRun(r.body, draft.ID) {
				t.Errorf("GET %s: the page does not show the run asked for", tc.path)
			}
		})
	}
	// Without ?run= the county user of another county sees the latest
	// published run, not the one in notice (which she is offered only when
	// 凉州区 is among its proposed winners).
	r := d.as(t, "chengguan").do("GET", "/counties/620602", nil)
	if r.status != http.StatusOK || !winner && mentionsRun(r.body, notice.ID) || !showsRun(r.body, publishedRun(t, d, "2022").ID) {
		t.Errorf("GET /counties/620602 as another county: %d, mentions the run in notice: %v", r.status, mentionsRun(r.body, notice.ID))
	}
}

// showsRun reports whether a profile is of run id: the run picker has it
// selected. (A bare "#3" is no evidence: the escaped quote &#34; has it.)
func showsRun(body []byte, id int64) bool {
	return strings.Contains(string(body), `<option value="`+strconv.FormatInt(id, 10)+`" selected>`)
}

// mentionsRun reports whether a page names run id anywhere a person or a
// link could see it: its label "· #id ·", a ?run=id link or a picker option.
func mentionsRun(body []byte, id int64) bool {
	n := strconv.FormatInt(id, 10)
	return regexp.MustCompile(`(^|[^&])#` + n + `\b|[?&;]run=` + n + `\b|<option value="` + n + `"`).Match(body)
}

// TestMethodPage: /method shows the five areas with the weights of the
// five county types side by side, the departments and how the weights
// were obtained.
func TestMethodPage(t *testing.T) {
	d := newDemoSite(t)
	r := d.as(t, "").do("GET", "/method", nil)
	if r.status != http.StatusOK {
		t.Fatalf("GET /method: %d %s", r.status, r.body)
	}
	body := string(r.body)
	for _, want := range []string{"经济发展", "财政与开放", "强工业", "产业特色", "民生改善", "绿色发展与风险防控",
		"城市服务型", "工业主导型", "农业优先型", "文旅赋能型", "生态功能型", "统计局", "固定权重", "指标解释"} {
		if !strings.Contains(body, want) {
			t.Errorf("/method lacks %q", want)
		}
	}
	if n := strings.Count(body, `<th class="n type">`); n != 5 {
		t.Errorf("/method has %d type columns, want 5", n)
	}
	// The whole method in words, rendered on the server: the sections of
	// the rules, a fixed standard with its values, an event's points and
	// cap, an award's count; no rule shown by its code.
	for _, want := range []string{`id="rules"`, "<h3>计分规则</h3>", "<h3>加减分与一票否决事项</h3>", "<h3>奖项</h3>",
		"规模以上工业增加值增速：功效系数法", "每项扣 1 分，合计最多 3 分", "十强县：综合排名前 10 名"} {
		if !strings.Contains(body, want) {
			t.Errorf("/method lacks %q in its rules", want)
		}
	}
	for _, code := range []string{">efficacy<", ">all_or_nothing<", ">level_growth<", "<code>"} {
		if strings.Contains(body, code) {
			t.Errorf("/method shows the code %q", code)
		}
	}
	if n := strings.Count(body, `<tr class="area">`); n != 6 {
		t.Errorf("/method has %d areas, want 6", n)
	}
	// Area weights per type differ: 经济发展 is 30 % for 城市服务型, 15 % … for 生态功能型.
	if !strings.Contains(body, "<strong>30.0</strong>") {
		t.Errorf("/method lacks the 30.0 %% weight of 经济发展 for 城市服务型")
	}
	// A method chosen directly is for those who may read methods.
	if r := d.as(t, "").do("GET", "/method?method=1", nil); r.status != http.StatusSeeOther {
		t.Errorf("GET /method?method=1 anonymously: %d, want a redirect to the login", r.status)
	}
	if r := d.as(t, "ana").do("GET", "/method?method=1", nil); r.status != http.StatusOK {
		t.Errorf("GET /method?method=1 as analyst: %d", r.status)
	}
}

// TestCountyProfileVetoNote: 城关区 is vetoed in the 2022 run (重大安全生产
// 事故): its profile says in words what the veto does; 凉州区's does not.
func TestCountyProfileVetoNote(t *testing.T) {
	d := newDemoSite(t)
	for code, want := range map[string]bool{"620102": true, "620602": false} {
		r := d.as(t, "").do("GET", "/counties/"+code, nil)
		if r.status != http.StatusOK {
			t.Fatalf("GET /counties/%s: %d %s", code, r.status, r.body)
		}
		if got := strings.Contains(string(r.body), "一票否决：按评价办法保留得分和名次"); got != want {
			t.Errorf("%s: veto note %v, want %v", code, got, want)
		}
	}
}
