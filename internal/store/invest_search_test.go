package store_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// searchLedger is a hand-made ledger for the search: Chinese names and
// investors, codes with letters and digits, mixed Chinese and ASCII.
func searchLedger() []invest.Project {
	p := func(id, name, investor string) invest.Project {
		return invest.Project{ID: id, Name: name, Investor: investor, County: "620102", InvestorLoc: "310115", Signed: 20240101, Amount: 100_000_000}
	}
	return []invest.Project{
		p("GS-2024-001", "冷链物流园", "示例甲物流有限公司"),
		p("GS-2024-002", "光伏电站（A区）", "示例乙能源"),
		p("GS-2024-010", "A区冷链仓储", "Example Cold Chain Ltd."),
		p("P0999", "铝材加工", "示例铝业"),
		p("p1000", "园区道路", "兰州示例建设"),
		p("X1", "冷", "甲"),
	}
}

// TestInvestSearchIndex: a search through the trigram index finds exactly
// the projects whose 项目编号, name or investor holds the query, ASCII
// letters in either case, as the scan of every search text does: by hand
// for the cases below, then for every substring of one to four characters
// of every field, with the index and with the scan alone (no query narrow
// enough). A new version of a project is found by its new name only, its
// old trigrams gone.
func TestInvestSearchIndex(t *testing.T) {
	storetest.ForEachDB(t, func(t *testing.T, db *store.DB) {
		ps := searchLedger()
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "p.csv"}, ps); err != nil {
			t.Fatal(err)
		}
		search := func(t *testing.T, q string) []string {
			t.Helper()
			rows, total, err := db.InvestProjects(ctx, store.InvestProjectFilter{Query: q, TalksCounty: "*", Limit: 200})
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, r := range rows {
				ids = append(ids, r.ID)
			}
			if total != len(ids) {
				t.Errorf("%q: total %d, %d rows", q, total, len(ids))
			}
			return ids
		}
		for _, c := range []struct {
			q    string
			want []string // newest 项目编号 first
		}{
			{"冷", []string{"X1", "GS-2024-010", "GS-2024-001"}}, // one character: 冷链 twice, 冷 alone at the end of a name
			{"冷链", []string{"GS-2024-010", "GS-2024-001"}},      // two characters
			{"冷链物流", []string{"GS-2024-001"}},                   // trigrams 冷链物, 链物流
			{"甲", []string{"X1", "GS-2024-001"}},                // the last character of an investor
			{"a区", []string{"GS-2024-010", "GS-2024-002"}},      // mixed, lowered: A区 in both
			{"A区冷", []string{"GS-2024-010"}},
			{"gs-2024-0", []string{"GS-2024-010", "GS-2024-002", "GS-2024-001"}},
			{"024-01", []string{"GS-2024-010"}},     // inside a code
			{"P0999", []string{"P0999"}},            // a code in capitals, stored as given
			{"p1", []string{"p1000"}},               // P0999 holds no "p1"
			{"COLD chain", []string{"GS-2024-010"}}, // ASCII in either case, with a space
			{"示例", []string{"p1000", "P0999", "GS-2024-002", "GS-2024-001"}},
			{"物流园区", nil}, // two fields do not join
			{"园", []string{"p1000", "GS-2024-001"}},
			{"冷链物流园（二期）", nil},
		} {
			t.Run(c.q, func(t *testing.T) {
				if got := search(t, c.q); !slices.Equal(got, c.want) {
					t.Errorf("search %q = %v, want %v", c.q, got, c.want)
				}
			})
		}

		// Every substring of every field, through the index and through the
		// scan (at most 0 projects read through the index), against
		// strings.Contains over the fields.
		fold := func(s string) string { return strings.ToLower(s) } // the texts hold ASCII and Han only
		var qs []string
		for _, p := range ps {
			for _, f := range []string{p.ID, p.Name, p.Investor} {
				rs := []rune(f)
				for i := range rs {
					for n := 1; n <= 4 && i+n <= len(rs); n++ {
						qs = append(qs, string(rs[i:i+n]))
					}
				}
			}
		}
		slices.Sort(qs)
		qs = slices.Compact(qs)
		for _, mode := range []struct {
			name  string
			limit int
		}{{"index", 5000}, {"scan", 0}} {
			t.Run(mode.name, func(t *testing.T) {
				defer store.SetSearchCandidatesForTest(store.SetSearchCandidatesForTest(mode.limit))
				for _, q := range qs {
					if strings.TrimSpace(q) != q {
						continue // the store trims a query
					}
					var want []string
					for i := len(ps) - 1; i >= 0; i-- {
						p := ps[i]
						if strings.Contains(fold(p.ID), fold(q)) || strings.Contains(fold(p.Name), fold(q)) || strings.Contains(fold(p.Investor), fold(q)) {
							want = append(want, p.ID)
						}
					}
					slices.SortFunc(want, func(a, b string) int { return strings.Compare(b, a) })
					if got := search(t, q); !slices.Equal(got, want) {
						t.Errorf("search %q = %v, want %v", q, got, want)
					}
				}
			})
		}

		// 冷链物流园 becomes 冷库: the old name finds nothing.
		moved := ps[0]
		moved.Name = "冷库"
		if _, err := db.ImportInvestProjects(ctx, alice, store.RevisionNote{Source: "p2.csv"}, []invest.Project{moved}); err != nil {
			t.Fatal(err)
		}
		if got := search(t, "物流园"); got != nil {
			t.Errorf("the old name still found %v", got)
		}
		if got := search(t, "冷库"); !slices.Equal(got, []string{"GS-2024-001"}) {
			t.Errorf("the new name found %v", got)
		}
		// The index holds the new version's trigrams alone.
		stored, computed, err := db.InvestSearchGramsForTest(ctx, "GS-2024-001")
		if err != nil || !slices.Equal(stored, computed) || slices.Contains(stored, "物流园") {
			t.Errorf("trigrams stored %q, want %q (%v)", stored, computed, err)
		}
	})
}
