package gridmap

// GansuAnchors arrange the tile map's prefecture blocks like the province
// (a band from 酒泉 in the north-west to 陇南 and 庆阳 in the south-east):
// the centre of each prefecture's block in grid cells, keyed by division
// code. They were placed by hand from the prefectures' relative positions;
// they are no boundaries and carry no coordinates. 嘉峪关市 has no county
// and so no block.
var GansuAnchors = map[string]Point{
	"620900": {1.5, 1.5},   // 酒泉市
	"620700": {5.5, 3},     // 张掖市
	"620300": {9, 3.5},     // 金昌市
	"620600": {12, 5},      // 武威市
	"620400": {15.5, 7},    // 白银市
	"620100": {11.5, 8.5},  // 兰州市
	"621000": {23.5, 7.5},  // 庆阳市
	"620800": {19.5, 9.5},  // 平凉市
	"621100": {15.5, 10.5}, // 定西市
	"622900": {9.5, 12.5},  // 临夏回族自治州
	"620500": {19.5, 13.5}, // 天水市
	"621200": {15.5, 14.5}, // 陇南市
	"623000": {11.5, 16.5}, // 甘南藏族自治州
}
