// Command qxload measures page and API latencies of a running qiangxian
// server on this machine with many concurrent clients (see
// internal/loadtest and scripts/loadtest.sh):
//
//	qxload -url http://127.0.0.1:8080 -admin-password PW [-clients 50] [-requests 1000] [-duration 20s]
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"time"

	"github.com/qiangxian/qiangxian/internal/loadtest"
)

func main() {
	base := flag.String("url", "http://127.0.0.1:8080", "the server (loopback only)")
	adminPW := flag.String("admin-password", "", "the administrator's password, to create the measuring users")
	county := flag.String("county", "620102", "the county of the profile and of the county user")
	root := flag.String("node", "total", "the method's top node, for the ranking API")
	opts := loadtest.Options{}
	flag.IntVar(&opts.Clients, "clients", 50, "concurrent clients")
	flag.IntVar(&opts.Requests, "requests", 1000, "requests per target, at most")
	flag.DurationVar(&opts.Duration, "duration", 20*time.Second, "time per target, at most")
	flag.Parse()
	if err := run(*base, *adminPW, *county, *root, opts); err != nil {
		fmt.Fprintln(os.Stderr, "qxload:", err)
		os.Exit(1)
	}
}

func run(base, adminPW, county, root string, opts loadtest.Options) error {
	u, err := url.Parse(base)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address", base)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	tr := &http.Transport{MaxIdleConnsPerHost: opts.Clients, MaxConnsPerHost: opts.Clients}
	client := &http.Client{Transport: tr, Timeout: time.Minute}
	runID, err := loadtest.PublishedRun(ctx, client, base)
	if err != nil {
		return err
	}
	callers, err := loadtest.Setup(ctx, client, base, adminPW, county)
	if err != nil {
		return err
	}
	fmt.Printf("%d clients, at most %d requests or %s per target, run %d\n", opts.Clients, opts.Requests, opts.Duration, runID)
	var results []loadtest.Result
	for _, t := range loadtest.Pages(runID, county, root, callers) {
		results = append(results, loadtest.Measure(ctx, client, base, t, opts))
	}
	loadtest.Write(os.Stdout, results)
	return ctx.Err()
}
