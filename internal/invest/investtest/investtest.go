// Package investtest generates investment ledgers for tests and
// benchmarks: deterministic, of any size, with every kind of project and
// funds row the counting rules distinguish. It is pure (no store): see
// storetest.StoreLedger to import a ledger into a store.
package investtest

import (
	"fmt"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// Prefectures and CountiesPerPrefecture are the places of BigLedger: the
// counties 62PPCC for PP in 01–14 and CC in 01–06 (84 counties), whose
// prefectures are 62PP00.
const (
	Prefectures           = 14
	CountiesPerPrefecture = 6
)

// BigLedger is a deterministic ledger of n projects P000000… (every 50th
// a capital increase on the one before) in the 84 counties of 14
// prefectures (Prefectures, CountiesPerPrefecture), a third in zones
// ("Z" + county), signed 2020–2024 at five fairs (第26届兰洽会–第30届兰洽会),
// with investors from every kind of place, and 10 funds rows each of every
// source, with and without evidence, some paid from Hong Kong.
func BigLedger(n int) *invest.Ledger {
	locs := []string{"310115", "440300", "110105", "620102", "HK", "US", "", "620602", "620101"}
	l := &invest.Ledger{Projects: make([]invest.Project, n), Funds: make([]invest.Funds, 0, 10*n)}
	for i := range n {
		county := fmt.Sprintf("62%02d%02d", 1+i%Prefectures, 1+(i/Prefectures)%CountiesPerPrefecture)
		y, m := 2020+i%5, 1+i%12
		p := invest.Project{ID: fmt.Sprintf("P%06d", i), County: county, InvestorLoc: locs[i%len(locs)],
			Signed: invest.Day(y*10000 + m*100 + 1 + i%28), Event: fmt.Sprintf("第%d届兰洽会", 26+i%5),
			Amount: invest.Amount((1 + i%20) * 100000000), ContractStart: invest.Day((y+1)*10000 + m*100 + 28),
			ContractProd: invest.Day((y+2)*10000 + m*100 + 28), Relocation: i%97 == 0}
		if i%3 == 0 {
			p.Zone = "Z" + county
		}
		if i%4 != 0 {
			p.ActualStart = invest.Day((y+1)*10000 + m*100 + 1 + i%28)
		}
		if i%5 == 1 {
			p.ActualProd = invest.Day((y+2)*10000 + m*100 + 1 + i%27)
		}
		if i%17 == 0 {
			p.Terminated = invest.Day((y+1)*10000 + m*100 + 20)
		}
		if i%8 == 0 {
			p.ContractStart = 0
		}
		if i%50 == 49 {
			o := l.Projects[i-1]
			p.IncreaseOf, p.County, p.Zone, p.Event = o.ID, o.County, o.Zone, ""
			if i%100 != 99 {
				p.InvestorLoc = o.InvestorLoc
			}
		}
		l.Projects[i] = p
		for k := range 10 {
			mm := m + k
			f := invest.Funds{Project: i, Month: invest.Month((y+(mm-1)/12)*100 + 1 + (mm-1)%12),
				Amount: invest.Amount((1 + (i*7+k)%999) * 100000), Source: invest.Source(1 + (i+k)%6), Evidence: (i+k)%11 != 0}
			if (i+k)%13 == 0 {
				f.PayerLoc = "HK"
			}
			l.Funds = append(l.Funds, f)
		}
	}
	return l
}
