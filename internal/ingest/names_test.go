package ingest_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// seedRenamed adds 红古县 (620122), which became 红古区 (620111) in 2020,
// and two units both named 城关区 in different prefectures.
func seedRenamed(t *testing.T, db *store.DB) {
	t.Helper()
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(db.PutUnits(ctx, alice, []store.Unit{
		{Code: "620122", Name: "红古县", Kind: store.UnitCounty, Parent: "620100", ValidTo: day(2019, 12, 31)},
		{Code: "620111", Name: "红古区", Kind: store.UnitCounty, Parent: "620100", ValidFrom: day(2020, 1, 1)},
		{Code: "620102", Name: "城关区", Kind: store.UnitCounty, Parent: "620100"},
		{Code: "620802", Name: "城关区", Kind: store.UnitCounty, Parent: "620800"},
	}))
	_, err := db.RecordChange(ctx, alice, store.UnitChange{Kind: store.ChangeRecode, From: "620122", To: "620111", Effective: day(2020, 1, 1)})
	must(err)
}

// TestResolveNames: a statistics bureau's table — a title row, a header
// over two rows (names, then units), a total row, county names padded with
// spaces, a county under its former name — is matched name by name, each
// match returned for confirmation, and then imports like a table of codes.
func TestResolveNames(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		seed(t, db)
		seedRenamed(t, db)
		tb := csv(t, "tj.csv", "2022年各县区主要经济指标,,\n"+
			"地  区,地区生产总值,年末常住人口\n"+
			",（亿元）,（万人）\n"+
			"全市,500,100\n"+
			"永登县,150.5,40.1\n"+
			"榆  中,200,38\n"+
			"红古县,10,5\n")
		rt, matches, err := ingest.ResolveNames(ctx, db, tb)
		if err != nil {
			t.Fatal(err)
		}
		want := []ingest.Match{
			{Line: 5, Col: 1, Name: "永登县", Code: "620121", UnitName: "永登县", How: "exact"},
			{Line: 6, Col: 1, Name: "榆中", Code: "620123", UnitName: "榆中县", How: "suffix"},
			{Line: 7, Col: 1, Name: "红古县", Code: "620111", UnitName: "红古区", How: "former", Former: "620122"},
		}
		if d := cmp.Diff(want, matches); d != "" {
			t.Errorf("matches (-want +got):\n%s", d)
		}
		got := messages(t, ingest.MatchErrors(rt, matches), locale.ZH)
		if len(got) != 3 || got[2] != "tj.csv:7:1: “红古县”按曾用名（620122 现为 620111）匹配为 620111 红古区；核对无误后请确认按名称匹配（勾选“确认名称匹配”，或命令行加 --confirm-names）再导入" {
			t.Errorf("messages %q", got)
		}
		rows, err := ingest.CheckWide(ctx, db, analyst, rt, ingest.Options{Period: "2022"})
		if err != nil {
			t.Fatal(err)
		}
		var figs []string
		for _, o := range rows {
			figs = append(figs, o.Unit+"/"+o.Indicator+"="+table_(o.Value))
		}
		wantFigs := []string{"620121/gdp=150.5", "620121/pop=40.1", "620123/gdp=200", "620123/pop=38", "620111/gdp=10", "620111/pop=5"}
		if d := cmp.Diff(wantFigs, figs); d != "" {
			t.Errorf("figures (-want +got):\n%s", d)
		}
	})
}

// TestResolveNamesRefuses: a name of no unit and a name of two are
// refused at their cells; a table with a code column is left alone.
func TestResolveNamesRefuses(t *testing.T) {
	db := storetest.MustOpen(t)
	seed(t, db)
	seedRenamed(t, db)
	tb := csv(t, "tj.csv", "地区,gdp\n天堂县,1\n城关区,2\n")
	_, _, err := ingest.ResolveNames(ctx, db, tb)
	want := []string{
		"tj.csv:2:1: 找不到名为“天堂县”的单位（也不是曾用名）",
		"tj.csv:3:1: 名称“城关区”对应多个单位：620102 城关区、620802 城关区；请改用代码",
	}
	if d := cmp.Diff(want, messages(t, err, locale.ZH)); d != "" {
		t.Errorf("errors (-want +got):\n%s", d)
	}
	coded := csv(t, "c.csv", "代码,名称,gdp\n620121,永登县,1\n")
	rt, matches, err := ingest.ResolveNames(ctx, db, coded)
	if err != nil || rt != coded || matches != nil {
		t.Errorf("a coded table: %v %v %v", rt == coded, matches, err)
	}
}

func table_(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
