package store_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// browseLedger is three projects worked by hand:
//   - B1 in 古浪 620622 (武威 620600), signed 2024-03-15, 10 亿元, from 上海:
//     funds 1.5 (股东出资, evidence) + 2 (企业自有, evidence) count, 1
//     (本地金融机构) and 0.5 (no evidence) do not: counted 3.5 of 5.
//   - B2 in 凉州 620602, a lead (线索, no contract), 3 亿元.
//   - B3 in 城关 620102 (兰州 620100), signed 2023-07-07, 1 亿元, from 香港:
//     funds 1.2 counted, more than its amount.
func browseLedger() *invest.Ledger {
	a := func(s string) invest.Amount { x, _ := invest.ParseAmount(s); return x }
	ps := []invest.Project{
		{ID: "B1", Name: "冷链物流园", County: "620622", Investor: "示例甲", InvestorCode: "C1", InvestorLoc: "310115", Signed: 20240315, Amount: a("10")},
		{ID: "B2", Name: "光伏电站", County: "620602", Investor: "示例乙", InvestorLoc: "310115", Amount: a("3"), Stage: invest.StageLead},
		{ID: "B3", Name: "文旅综合体", County: "620102", Investor: "示例丙", InvestorLoc: "HK", Signed: 20230707, Amount: a("1")},
	}
	fs := []invest.Funds{
		{Project: 0, Month: 202404, Amount: a("1.5"), Source: invest.SourceShareholder, Evidence: true},
		{Project: 0, Month: 202406, Amount: a("2"), Source: invest.SourceOwn, Evidence: true},
		{Project: 0, Month: 202408, Amount: a("1"), Source: invest.SourceLocalBank, Evidence: true},
		{Project: 0, Month: 202410, Amount: a("0.5"), Source: invest.SourceShareholder},
		{Project: 2, Month: 202309, Amount: a("1.2"), Source: invest.SourceShareholder, Evidence: true},
	}
	return &invest.Ledger{Projects: ps, Funds: fs}
}

func TestInvestBrowse(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		storetest.StoreLedger(t, db, alice, browseLedger())
		ids := func(rows []store.InvestProjectRow) []string {
			var out []string
			for _, r := range rows {
				out = append(out, r.ID)
			}
			return out
		}
		for _, c := range []struct {
			name string
			f    store.InvestProjectFilter
			want []string
		}{
			{"all, talks shown", store.InvestProjectFilter{TalksCounty: "*"}, []string{"B3", "B2", "B1"}},
			{"talks hidden outside 凉州", store.InvestProjectFilter{TalksCounty: "620622"}, []string{"B3", "B1"}},
			{"凉州 sees its lead", store.InvestProjectFilter{TalksCounty: "620602"}, []string{"B3", "B2", "B1"}},
			{"prefecture 武威", store.InvestProjectFilter{Prefecture: "620600"}, []string{"B1"}},
			{"one county", store.InvestProjectFilter{County: "620602", TalksCounty: "620602"}, []string{"B2"}},
			{"stage", store.InvestProjectFilter{Stage: invest.StageLead, TalksCounty: "*"}, []string{"B2"}},
			{"query", store.InvestProjectFilter{Query: "冷链"}, []string{"B1"}},
			{"query is literal", store.InvestProjectFilter{Query: "%"}, nil},
			{"query of a 项目编号, ASCII case folded on both databases", store.InvestProjectFilter{Query: "b3"}, []string{"B3"}},
			{"query of an investor", store.InvestProjectFilter{Query: "示例甲"}, []string{"B1"}},
			{"a query never straddles two fields", store.InvestProjectFilter{Query: "B1冷链"}, nil},
			{"year", store.InvestProjectFilter{Year: 2023}, []string{"B3"}},
			{"funds above the amount", store.InvestProjectFilter{OverFunded: true, TalksCounty: "*"}, []string{"B3"}},
			{"page", store.InvestProjectFilter{TalksCounty: "*", Limit: 1, Offset: 1}, []string{"B2"}},
		} {
			t.Run(c.name, func(t *testing.T) {
				rows, total, err := db.InvestProjects(ctx, c.f)
				if err != nil {
					t.Fatal(err)
				}
				if got := ids(rows); !slices.Equal(got, c.want) {
					t.Errorf("projects %v, want %v", got, c.want)
				}
				if c.f.Limit == 0 && total != len(c.want) {
					t.Errorf("total %d, want %d", total, len(c.want))
				}
			})
		}
		rows, _, err := db.InvestProjects(ctx, store.InvestProjectFilter{County: "620622"})
		if err != nil || len(rows) != 1 {
			t.Fatalf("%v %v", rows, err)
		}
		// Counted 1.5 + 2 = 3.5; all rows 1.5 + 2 + 1 + 0.5 = 5.
		if rows[0].Counted.Yi() != 3.5 || rows[0].All.Yi() != 5 {
			t.Errorf("B1 counted %v all %v", rows[0].Counted.Yi(), rows[0].All.Yi())
		}
		p, funds, err := db.InvestProject(ctx, "B1")
		if err != nil || p.Name != "冷链物流园" || len(funds) != 4 || funds[0].Month != 202404 || funds[3].Evidence != "" {
			t.Errorf("B1: %+v %+v %v", p, funds, err)
		}
		if _, _, err := db.InvestProject(ctx, "NONE"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("missing project: %v", err)
		}
		// Counted funds by prefecture, origin and month: 武威's two rows
		// from 上海 (省外), 兰州's one from 香港 (境外).
		mf, err := db.InvestMonthlyFunds(ctx, 202301, 202412)
		if err != nil {
			t.Fatal(err)
		}
		want := []store.InvestMonthFunds{
			{Prefecture: "620100", Origin: invest.OriginAbroad, Month: 202309, Amount: 120000000},
			{Prefecture: "620600", Origin: invest.OriginDomestic, Month: 202404, Amount: 150000000},
			{Prefecture: "620600", Origin: invest.OriginDomestic, Month: 202406, Amount: 200000000},
		}
		if !slices.Equal(mf, want) {
			t.Errorf("monthly funds %+v, want %+v", mf, want)
		}
		// B3 by its 项目编号, B1 by its investor's code; B2's code is empty.
		if ps, err := db.InvestProjectsMatching(ctx, []string{"B3", "NONE"}, []string{"C1"}); err != nil || len(ps) != 2 ||
			ps[0].ID != "B1" || ps[1].ID != "B3" {
			t.Errorf("matching: %+v %v", ps, err)
		}
		if m, err := db.InvestLastMonth(ctx); err != nil || m != 202410 {
			t.Errorf("last month %v %v", m, err)
		}
		// A verification takes 1 亿元 off B1's April: counted 3.5 − 1 =
		// 2.5, all rows still 5; B3 (1.2 counted > 1) stays over-funded.
		if _, err := db.RecordInvestVerification(ctx, alice, "B1", 202404, 100_000_000, "抽查核减"); err != nil {
			t.Fatal(err)
		}
		rows, _, err = db.InvestProjects(ctx, store.InvestProjectFilter{County: "620622"})
		if err != nil || len(rows) != 1 || rows[0].Counted.Yi() != 2.5 || rows[0].All.Yi() != 5 {
			t.Errorf("B1 after the verification: %+v, %v", rows, err)
		}
		if rows, _, err := db.InvestProjects(ctx, store.InvestProjectFilter{OverFunded: true, TalksCounty: "*"}); err != nil ||
			len(rows) != 1 || rows[0].ID != "B3" || rows[0].Counted.Yi() != 1.2 {
			t.Errorf("over-funded after the verification: %+v, %v", rows, err)
		}
		// B3 re-imported with an amount of 2 亿元 (1.2 counted ≤ 2) is no
		// longer over-funded, and again at 1 亿元 (1.2 > 1) it is.
		b3, _, err := db.InvestProject(ctx, "B3")
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			amount invest.Amount
			want   int
		}{{2 * invest.AmountScale, 0}, {invest.AmountScale, 1}} {
			b3.Amount = c.amount
			if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "projects.csv"}, []invest.Project{b3}); err != nil {
				t.Fatal(err)
			}
			rows, total, err := db.InvestProjects(ctx, store.InvestProjectFilter{OverFunded: true, TalksCounty: "*"})
			if err != nil || len(rows) != c.want || total != c.want {
				t.Errorf("over-funded with B3 at %v: %+v (%d), %v; want %d", c.amount.Yi(), rows, total, err, c.want)
			}
		}
	})
}
