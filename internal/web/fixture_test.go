package web_test

import (
	"math"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// The fixture's accounts, one per role and scope of the matrix.
var fixtureUsers = []store.User{
	{Username: "root", Role: auth.RoleAdmin},
	{Username: "ana", Role: auth.RoleAnalyst},
	{Username: "tjj", Role: auth.RoleDepartment, Department: "统计局"},
	{Username: "lz", Role: auth.RolePrefecture, Unit: "620100"},
	{Username: "yz", Role: auth.RoleCounty, Unit: "620123"},
	{Username: "v", Role: auth.RoleViewer},
	{Username: "spare", Role: auth.RoleViewer},
	{Username: "head", Role: auth.RoleOfficeHead},
	{Username: "boss", Role: auth.RoleApprover, DisplayName: "王某某"},
}

// fixture is a small province with runs in every interesting state.
type fixture struct {
	tokens  map[string]string // username → API token
	method  int64
	runs    map[string]int64 // draft, notice, pub-none, pub-winners, pub-full
	winner  string           // the only unit with an award
	nUnits  int              // result rows per run
	actorOf store.Actor
}

// load fills db: 兰州市 with 城关区 and 榆中县, 平凉市 with 崆峒区; gdp
// (统计局) and fiscal (财政厅) for 2022; one result row per county in each
// run, 崆峒区 the only award winner.
func load(t testing.TB, db *store.DB) *fixture {
	t.Helper()
	a := store.Actor{Username: "fixture"}
	f := &fixture{tokens: map[string]string{}, runs: map[string]int64{}, winner: "620802", nUnits: 3, actorOf: a}
	units := []store.Unit{
		{Code: "620000", Name: "甘肃省", Kind: store.UnitProvince},
		{Code: "620100", Name: "兰州市", Kind: store.UnitPrefecture, Parent: "620000"},
		{Code: "620800", Name: "平凉市", Kind: store.UnitPrefecture, Parent: "620000"},
		{Code: "620102", Name: "城关区", Kind: store.UnitCounty, Parent: "620100"},
		{Code: "620123", Name: "榆中县", Kind: store.UnitCounty, Parent: "620100"},
		{Code: "620802", Name: "崆峒区", Kind: store.UnitCounty, Parent: "620800"},
	}
	must(t, db.PutUnits(ctx, a, units))
	must(t, db.PutIndicators(ctx, a, []store.Indicator{
		{Code: "gdp", NameZH: "地区生产总值", Unit: "亿元", Direction: 1, Department: "统计局"},
		{Code: "fiscal", NameZH: "一般公共预算收入", Unit: "亿元", Direction: 1, Department: "财政厅"},
	}))
	var obs []store.Observation
	for i, u := range []string{"620102", "620123", "620802"} {
		obs = append(obs, store.Observation{Unit: u, Indicator: "gdp", Period: "2022", Value: float64(100 + i)},
			store.Observation{Unit: u, Indicator: "fiscal", Period: "2022", Value: float64(10 + i)})
	}
	_, err := db.ImportObservations(ctx, a, store.RevisionNote{Kind: "import", Source: "fixture"}, obs)
	must(t, err)
	for _, u := range fixtureUsers {
		u.PasswordHash = passwordHash
		_, err := db.CreateUser(ctx, a, u)
		must(t, err)
		tok, _, err := db.CreateAPIToken(ctx, a, u.Username, "test", time.Time{})
		must(t, err)
		f.tokens[u.Username] = tok
	}
	m, err := db.AddMethod(ctx, a, "demo", "1", "title = \"fixture\"\n")
	must(t, err)
	f.method = m.ID
	f.runs["draft"] = f.run(t, db, auth.StateDraft, auth.VisNone)
	f.runs["notice"] = f.run(t, db, auth.StateNotice, auth.VisFull)
	f.runs["pub-none"] = f.run(t, db, auth.StatePublished, auth.VisNone)
	f.runs["pub-winners"] = f.run(t, db, auth.StatePublished, auth.VisWinners)
	f.runs["pub-full"] = f.run(t, db, auth.StatePublished, auth.VisFull)
	return f
}

// run creates a run with results and moves it to state.
func (f *fixture) run(t testing.TB, db *store.DB, state auth.RunState, v auth.Visibility) int64 {
	t.Helper()
	// A published run takes a method of its own: publishing a second run of
	// a method and period would supersede the first.
	mid := f.method
	if state == auth.StatePublished {
		m, err := db.AddMethod(ctx, f.actorOf, "demo-"+string(v), "1", "title = \"fixture\"\n")
		must(t, err)
		mid = m.ID
	}
	r, err := db.CreateRun(ctx, f.actorOf, store.NewRun{MethodID: mid, Period: "2022", Visibility: v,
		Note: string(state)})
	must(t, err)
	var rows []store.Result
	for i, u := range []string{"620802", "620102", "620123"} {
		row := store.Result{Unit: u, Node: "index", Level: 2, Score: 90 - float64(i), Rank: float64(i + 1),
			GroupRank: math.NaN(), Period: "2022", RankChange: math.NaN()}
		if u == f.winner {
			row.Awards = []string{"十强县"}
		}
		rows = append(rows, row)
	}
	must(t, db.PutResults(ctx, f.actorOf, r.ID, rows))
	storetest.Advance(t, db, f.actorOf, r.ID, state)
	return r.ID
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
