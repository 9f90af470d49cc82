package web_test

import (
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/seed"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// BenchmarkMonitorTable measures GET /api/v1/monitor/table on the demo
// (86 counties, 7 indicators, 2022–2023 months, targets, the seasonal
// benchmark from 2019–2022) as the provincial office, one client on
// loopback, SQLite: reading the year's figures from the store and
// computing the table, as JSON and as the command line's CSV.
//
//	go test ./internal/web -run '^$' -bench MonitorTable -benchtime 50x
func BenchmarkMonitorTable(b *testing.B) {
	db := storetest.MustOpen(b)
	if _, err := seed.LoadDemo(ctx, db, ""); err != nil {
		b.Fatal(err)
	}
	tok, _, err := db.CreateAPIToken(ctx, store.Actor{Username: "bench"}, seed.AdminUser, "bench", time.Time{})
	if err != nil {
		b.Fatal(err)
	}
	srv := start(b, db, testConfig(), webHooks())
	for _, f := range []string{"json", "csv"} {
		b.Run(f, func(b *testing.B) {
			c := client{t: b, base: srv.url, token: tok}
			for b.Loop() {
				if r := c.do("GET", "/api/v1/monitor/table?period=2023-06&format="+f, nil); r.status != 200 {
					b.Fatalf("status %d", r.status)
				}
			}
		})
	}
}
