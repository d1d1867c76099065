// SPDX-License-Identifier: Apache-2.0
package dev.tailor.io.sampleshop;

import dev.tailor.io.sampleshop.LeafCategory.Brand;
import dev.tailor.io.sampleshop.LeafCategory.Product;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample shop's category tree and bilingual vocabulary. Brands are real, well-known names so that the demo
 * reads like a real shop; prices are plausible CNY street prices. This is data, kept in code so that the
 * compiler checks it and the generator needs no resource parsing.
 */
final class Taxonomy {
    static final List<Term> TOPS;
    /** Selling points for descriptions, per root category (same order as {@link #TOPS}). */
    static final List<List<Term>> TOP_POINTS;
    /** Selling points any item may carry. */
    static final List<Term> GENERIC_POINTS = terms("Free returns within 7 days|7天无理由退货",
            "Genuine product guarantee|正品保障", "Ships within 24 hours|24小时内发货", "Highly rated by buyers|买家好评如潮");
    /** Model-line words for gadget titles ("Anker Nano 3 ..."); the same in both languages, as in real shops. */
    static final List<String> SERIES = List.of("Nano", "Pro", "Air", "Lite", "Max", "Neo", "Ultra", "Mini", "Plus",
            "Prime", "One", "Flex", "Go", "Edge");
    static final List<LeafCategory> LEAVES;
    /**
     * Complementary leaves: after buying from the key leaf a customer soon wants one of these (weights give which).
     * Directional on purpose: a phone leads to a case, a case does not lead to a phone.
     */
    static final int[][] COMPLEMENTS;
    static final double[][] COMPLEMENT_WEIGHTS;

    private static final Map<String, Term> PALETTE = palette(
            "Black|黑色", "White|白色", "Silver|银色", "Grey|灰色", "Blue|蓝色", "Navy|藏青色", "Red|红色", "Pink|粉色",
            "Purple|紫色", "Green|绿色", "Gold|金色", "Beige|米色", "Brown|棕色", "Orange|橙色", "Khaki|卡其色",
            "Multicolour|多色", "Terracotta|陶土色", "Tortoiseshell|玳瑁色", "Ruby Red|正红色", "Coral|珊瑚色",
            "Nude|裸色", "Rose|玫瑰色");
    private static final String[] CLOTHING = {"S|S码", "M|M码", "L|L码", "XL|XL码"};

    static {
        Tree tree = new Tree();
        tree.top("Electronics|数码电子",
                "Fast and stable performance|性能强劲稳定", "One-year warranty|一年质保", "Works with iOS and Android|兼容iOS和安卓");
        tree.leaf("Phones|手机", 3.0, 2999, 0.40).modelNames().giftable().season(Season.GIFTS)
                .brands("Apple|苹果|3", "Huawei|华为|3", "Xiaomi|小米|2", "OPPO|2", "vivo|2", "Honor|荣耀|2", "Redmi|红米|1")
                .products("Smartphone|智能手机", "5G Phone|5G手机", "Foldable Phone|折叠屏手机|2.2")
                .features("Flagship|旗舰", "Camera|影像", "Gaming|游戏", "Slim|轻薄", "Long-Battery|长续航")
                .specs("128GB", "256GB", "512GB")
                .colours("Black", "White", "Blue", "Purple", "Green", "Silver", "Gold")
                .materials("Glass|玻璃", "Aluminium|铝合金");
        tree.leaf("Phone cases|手机壳", 3.0, 49, 0.45)
                .brands("Spigen|2", "ESR|亿色|1", "Baseus|倍思|1", "Nillkin|耐尔金|2", "Pitaka|3", "Apple|苹果|3")
                .products("Phone Case|手机壳", "Magnetic Case|磁吸手机壳|1.3", "Leather Case|皮革手机壳|1.6")
                .features("Shockproof|防摔", "Clear|透明", "Slim|超薄", "Matte|磨砂", "Anti-Yellowing|防黄变")
                .specs("for iPhone 15|适用iPhone 15", "for Huawei Mate 60|适用华为Mate 60", "for Xiaomi 14|适用小米14")
                .colours("Black", "Blue", "Pink", "Green", "Purple", "Brown")
                .materials("TPU", "Silicone|硅胶", "Leather|皮革", "Aramid Fibre|芳纶纤维");
        tree.leaf("Chargers|充电器", 2.0, 99, 0.45).modelNames()
                .brands("Anker|安克|2", "Baseus|倍思|1", "Ugreen|绿联|1", "Xiaomi|小米|1", "Belkin|贝尔金|3", "Apple|苹果|3")
                .products("Fast Charger|快充充电器", "GaN Charger|氮化镓充电器|1.4", "Power Bank|充电宝|1.5",
                        "Wireless Charger|无线充电器|1.2")
                .features("Compact|小巧", "Foldable-Plug|折叠插脚", "Dual-Port|双口", "Travel|旅行")
                .specs("20W", "30W", "65W", "100W")
                .colours("White", "Black")
                .materials("Flame-Retardant Plastic|阻燃塑料");
        tree.leaf("Headphones|耳机", 2.0, 399, 0.65).modelNames().giftable().season(Season.GIFTS)
                .brands("Sony|索尼|3", "Apple|苹果|3", "Huawei|华为|2", "Bose|3", "Edifier|漫步者|1", "JBL|2", "Xiaomi|小米|1")
                .products("Wireless Earbuds|无线耳机", "Noise-Cancelling Headphones|降噪耳机|1.6",
                        "Sports Earphones|运动耳机|0.7")
                .features("Bluetooth 5.3|蓝牙5.3", "Hi-Res|高解析", "Low-Latency|低延迟", "Long-Battery|长续航")
                .colours("Black", "White", "Blue", "Pink")
                .materials("Plastic|塑料", "Memory Foam|记忆海绵");
        tree.leaf("Cameras|相机", 1.0, 4999, 0.45).modelNames().giftable().season(Season.GIFTS)
                .brands("Canon|佳能|3", "Sony|索尼|3", "Nikon|尼康|3", "Fujifilm|富士|3", "DJI|大疆|2", "Insta360|影石|2")
                .products("Mirrorless Camera|微单相机", "Action Camera|运动相机|0.5", "Instant Camera|拍立得相机|0.12",
                        "Vlog Camera|Vlog相机|0.7")
                .features("4K|4K高清", "Stabilized|防抖", "Compact|便携", "Waterproof|防水")
                .specs("Body Only|单机身", "Lens Kit|镜头套机")
                .colours("Black", "Silver")
                .materials("Magnesium Alloy|镁合金", "Plastic|塑料");
        tree.leaf("Memory cards|存储卡", 1.0, 79, 0.5)
                .brands("SanDisk|闪迪|2", "Samsung|三星|2", "Kingston|金士顿|1", "Lexar|雷克沙|2")
                .products("microSD Card|TF存储卡", "SD Card|SD相机卡|1.3", "USB Flash Drive|U盘|0.8")
                .features("High-Speed|高速", "4K Video|4K视频", "Durable|耐用")
                .specs("64GB", "128GB", "256GB", "512GB");
        tree.leaf("Laptops|笔记本电脑", 1.5, 5999, 0.35).modelNames()
                .brands("Lenovo|联想|2", "Apple|苹果|3", "Huawei|华为|3", "Dell|戴尔|2", "ASUS|华硕|2", "HP|惠普|2")
                .products("Laptop|笔记本电脑", "Gaming Laptop|游戏本|1.3", "Ultrabook|轻薄本|1.1", "2-in-1 Laptop|二合一笔记本")
                .features("14-inch|14英寸", "16-inch|16英寸", "OLED|OLED屏", "Lightweight|轻薄")
                .specs("16GB+512GB", "16GB+1TB", "32GB+1TB")
                .colours("Silver", "Grey", "Black")
                .materials("Aluminium|铝合金", "Plastic|塑料");
        tree.leaf("Mice & keyboards|键盘鼠标", 1.0, 199, 0.55).modelNames()
                .brands("Logitech|罗技|2", "Razer|雷蛇|3", "Xiaomi|小米|1", "Keychron|2", "Rapoo|雷柏|1")
                .products("Wireless Mouse|无线鼠标", "Mechanical Keyboard|机械键盘|2.0", "Keyboard and Mouse Set|键鼠套装|1.5")
                .features("Silent|静音", "Ergonomic|人体工学", "Bluetooth|蓝牙", "RGB|RGB背光")
                .colours("Black", "White", "Grey", "Pink")
                .materials("Plastic|塑料", "Aluminium|铝合金");

        tree.top("Baby & Kids|母婴",
                "Safe, tested materials|材质安全，检测合格", "Gentle on sensitive skin|温和不刺激", "Trusted by parents|宝妈信赖之选");
        tree.leaf("Diapers|纸尿裤", 1.5, 129, 0.25).repurchaseDays(21)
                .brands("Pampers|帮宝适|2", "Huggies|好奇|2", "Merries|花王妙而舒|3", "MamyPoko|妈咪宝贝|1", "Babycare|2")
                .products("Diapers|纸尿裤", "Pull-Up Pants|拉拉裤|1.1", "Overnight Diapers|夜用纸尿裤|1.1")
                .features("Ultra-Thin|超薄", "Breathable|透气", "Soft|柔软")
                .specs("64 pcs|64片", "96 pcs|96片")
                .sizes("NB|NB码", "S|S码", "M|M码", "L|L码", "XL|XL码")
                .materials("Cotton|棉柔");
        tree.leaf("Baby formula|婴儿奶粉", 1.0, 299, 0.25).repurchaseDays(25)
                .brands("Feihe|飞鹤|2", "Aptamil|爱他美|3", "a2|3", "Wyeth|惠氏|2", "Junlebao|君乐宝|1")
                .products("Infant Formula|婴儿配方奶粉", "Toddler Formula|幼儿配方奶粉|0.9")
                .features("Organic|有机", "A2 Protein|A2蛋白", "Easy-Digest|易消化")
                .specs("Stage 1, 800g|1段 800g", "Stage 2, 800g|2段 800g", "Stage 3, 800g|3段 800g");
        tree.leaf("Toys|玩具", 2.0, 199, 0.75).giftable().season(Season.TOYS)
                .brands("LEGO|乐高|3", "Bandai|万代|2", "Fisher-Price|费雪|2", "Hape|2", "Pop Mart|泡泡玛特|2", "Qman|启蒙|1")
                .products("Building Blocks|积木", "Plush Toy|毛绒玩具|0.4", "Remote Control Car|遥控车|1.2",
                        "Blind Box Figure|盲盒手办|0.35", "Jigsaw Puzzle|拼图|0.5")
                .features("Educational|益智", "Classic|经典", "Creative|创意")
                .specs("Ages 3+|3岁+", "Ages 6+|6岁+", "Ages 12+|12岁+")
                .colours("Multicolour", "Red", "Blue", "Pink")
                .materials("Plastic|塑料", "Plush|毛绒", "Wood|木质");
        tree.leaf("Strollers|婴儿推车", 0.5, 1599, 0.45)
                .brands("Goodbaby|好孩子|2", "Babyzen|3", "Cybex|3", "Pouch|帛琦|1", "Joie|巧儿宜|2")
                .products("Baby Stroller|婴儿推车", "Lightweight Stroller|轻便推车|0.6", "Jogging Stroller|慢跑推车|1.3")
                .features("Foldable|可折叠", "Reclining|可躺", "Shock-Absorbing|避震")
                .colours("Black", "Grey", "Beige", "Navy")
                .materials("Aluminium|铝合金", "Oxford Cloth|牛津布");
        tree.leaf("Baby bottles|奶瓶", 0.8, 89, 0.35)
                .brands("Pigeon|贝亲|2", "Philips Avent|飞利浦新安怡|2", "Comotomo|可么多么|3", "Hegen|3", "Rikang|日康|1")
                .products("Baby Bottle|奶瓶", "Sippy Cup|学饮杯|0.8")
                .features("Wide-Neck|宽口径", "Anti-Colic|防胀气")
                .specs("160ml", "240ml", "330ml")
                .materials("Glass|玻璃", "PPSU", "Silicone|硅胶");

        tree.top("Home|家居",
                "Easy to clean|易清洁", "Saves space|节省空间", "Built to last|经久耐用");
        tree.leaf("Kitchen|厨房用品", 2.0, 299, 0.65).modelNames()
                .brands("Supor|苏泊尔|1", "Midea|美的|2", "Joyoung|九阳|1", "Zwilling|双立人|3", "WMF|3", "Bear|小熊|1")
                .products("Non-Stick Frying Pan|不粘炒锅", "Rice Cooker|电饭煲|1.2", "Chef's Knife|厨师刀|0.6",
                        "Air Fryer|空气炸锅|1.1", "Electric Kettle|电热水壶|0.5")
                .features("Smart|智能", "Large-Capacity|大容量", "Induction-Ready|电磁炉适用", "Stainless|不锈钢")
                .colours("White", "Black", "Red", "Silver")
                .materials("Stainless Steel|不锈钢", "Cast Iron|铸铁", "Ceramic|陶瓷");
        tree.leaf("Bedding|床上用品", 1.0, 399, 0.55)
                .brands("Fuanna|富安娜|2", "Luolai|罗莱|2", "MUJI|无印良品|2", "Mercury|水星家纺|1", "Dohia|多喜爱|1")
                .products("Duvet Cover Set|床品四件套", "Down Duvet|羽绒被|1.8", "Memory Foam Pillow|记忆棉枕头|0.4")
                .features("Pure Cotton|纯棉", "Silky|丝滑", "Warm|保暖", "Breathable|透气")
                .specs("1.5m Bed|1.5米床", "1.8m Bed|1.8米床")
                .colours("Grey", "White", "Beige", "Blue", "Pink")
                .materials("Cotton|纯棉", "Silk|真丝", "Linen|亚麻");
        tree.leaf("Cleaning appliances|清洁电器", 1.0, 1999, 0.5).modelNames()
                .brands("Dyson|戴森|3", "Roborock|石头|2", "Ecovacs|科沃斯|2", "Dreame|追觅|2", "Midea|美的|1")
                .products("Robot Vacuum|扫地机器人", "Cordless Vacuum|无线吸尘器|0.8", "Wet-Dry Vacuum|洗地机|1.1")
                .features("Self-Emptying|自动集尘", "Quiet|低噪音", "Powerful-Suction|大吸力")
                .colours("White", "Black", "Grey")
                .materials("Plastic|塑料");

        tree.top("Beauty|美妆",
                "Dermatologist tested|皮肤科测试", "Suits all skin types|适合各种肤质", "Lasts all day|持久不脱妆");
        tree.leaf("Skincare|护肤", 2.0, 299, 0.6).repurchaseDays(50)
                .brands("Estée Lauder|雅诗兰黛|3", "L'Oréal|欧莱雅|2", "Shiseido|资生堂|3", "Proya|珀莱雅|1",
                        "Winona|薇诺娜|2", "Lancôme|兰蔻|3")
                .products("Hydrating Serum|保湿精华", "Face Cream|面霜", "Sunscreen|防晒霜|0.5",
                        "Facial Cleanser|洗面奶|0.3", "Sheet Mask Set|面膜套装|0.5")
                .features("Moisturizing|补水", "Brightening|亮白", "Anti-Ageing|抗老", "Sensitive-Skin|敏感肌")
                .specs("30ml", "50ml", "100ml");
        tree.leaf("Makeup|彩妆", 1.5, 149, 0.55).giftable()
                .brands("MAC|魅可|3", "Florasis|花西子|2", "Perfect Diary|完美日记|1", "Maybelline|美宝莲|1", "YSL|圣罗兰|3")
                .products("Matte Lipstick|哑光口红", "Foundation|粉底液|1.6", "Eyeshadow Palette|眼影盘|1.3", "Mascara|睫毛膏|0.8")
                .features("Long-Lasting|持久", "Waterproof|防水", "Natural|自然")
                .colours("Ruby Red", "Coral", "Nude", "Rose");

        tree.top("Fashion|服饰",
                "Comfortable fit|舒适合身", "Machine washable|可机洗", "This season's style|当季新款");
        tree.leaf("Dresses|连衣裙", 1.5, 299, 0.55).season(Season.SUMMER_WEAR)
                .brands("UR|1", "ZARA|2", "Uniqlo|优衣库|1", "Peacebird|太平鸟|2", "Ochirly|欧时力|2")
                .products("Midi Dress|中长款连衣裙", "Floral Dress|碎花连衣裙", "Knit Dress|针织连衣裙|1.2")
                .features("Elegant|优雅", "Summer|夏季", "A-Line|A字", "Vintage|复古")
                .sizes(CLOTHING)
                .colours("Black", "White", "Blue", "Pink", "Green", "Beige")
                .materials("Cotton|纯棉", "Chiffon|雪纺", "Linen|亚麻");
        tree.leaf("Coats|外套", 1.5, 899, 0.55).season(Season.WINTER_WEAR)
                .brands("Bosideng|波司登|2", "Uniqlo|优衣库|1", "The North Face|北面|3", "Semir|森马|1",
                        "Canada Goose|加拿大鹅|3")
                .products("Down Jacket|羽绒服", "Wool Coat|羊毛大衣|1.2", "Windbreaker|冲锋衣|0.7")
                .features("Hooded|连帽", "Lightweight|轻薄", "Long|长款", "Windproof|防风")
                .sizes(CLOTHING)
                .colours("Black", "Navy", "Beige", "Grey", "Red")
                .materials("Goose Down|鹅绒", "Wool|羊毛", "Polyester|涤纶");
        tree.leaf("Handbags|女包", 1.0, 699, 0.7).giftable()
                .brands("Coach|蔻驰|3", "Michael Kors|迈克高仕|3", "Charles & Keith|2", "Songmont|山下有松|2",
                        "Samsonite|新秀丽|2")
                .products("Tote Bag|托特包", "Crossbody Bag|斜挎包", "Backpack|双肩包|0.8")
                .features("Minimalist|简约", "Large|大容量", "Classic|经典")
                .colours("Black", "Brown", "Beige", "Red")
                .materials("Leather|真皮", "Canvas|帆布", "Nylon|尼龙");
        tree.leaf("T-shirts|T恤", 1.5, 99, 0.45).season(Season.SUMMER_WEAR)
                .brands("Uniqlo|优衣库|1", "Semir|森马|1", "Heilan Home|海澜之家|1", "Li-Ning|李宁|2", "Nike|耐克|2")
                .products("Crew-Neck T-Shirt|圆领T恤", "Polo Shirt|Polo衫|1.5", "Graphic Tee|印花T恤")
                .features("Cotton|纯棉", "Quick-Dry|速干", "Oversized|宽松")
                .sizes("S|S码", "M|M码", "L|L码", "XL|XL码", "XXL|XXL码")
                .colours("White", "Black", "Grey", "Navy", "Green")
                .materials("Cotton|纯棉", "Polyester|涤纶");

        tree.top("Sports|运动户外",
                "Light and durable|轻便耐用", "For beginners and pros|新手专业皆宜", "Tested outdoors|户外实测");
        tree.leaf("Fitness|健身器材", 1.5, 199, 0.7).season(Season.SUMMER_SPORTS)
                .brands("Keep|2", "Decathlon|迪卡侬|1", "Reebok|锐步|2", "Lululemon|露露乐蒙|3")
                .products("Yoga Mat|瑜伽垫|0.5", "Adjustable Dumbbells|可调节哑铃|2.0", "Resistance Bands|弹力带|0.3",
                        "Foam Roller|泡沫轴|0.4", "Smart Jump Rope|智能跳绳|0.5")
                .features("Non-Slip|防滑", "Home Gym|家用", "Thick|加厚")
                .colours("Purple", "Black", "Blue", "Pink", "Green")
                .materials("TPE", "Rubber|橡胶", "Steel|钢");
        tree.leaf("Bicycles|自行车", 1.0, 2999, 0.5).modelNames().season(Season.SUMMER_SPORTS)
                .brands("Giant|捷安特|2", "Merida|美利达|2", "Decathlon|迪卡侬|1", "Trek|崔克|3", "Specialized|闪电|3")
                .products("Road Bike|公路自行车", "Mountain Bike|山地自行车", "Folding Bike|折叠自行车|0.6",
                        "E-Bike|电助力自行车|1.4")
                .features("Lightweight|轻量", "Shimano-Geared|禧玛诺变速")
                .specs("24-Speed|24速", "27-Speed|27速")
                .sizes("S|S码车架", "M|M码车架", "L|L码车架")
                .colours("Black", "White", "Red", "Blue")
                .materials("Aluminium|铝合金", "Carbon Fibre|碳纤维");
        tree.leaf("Cycling accessories|骑行装备", 1.0, 129, 0.6).season(Season.SUMMER_SPORTS)
                .brands("Giant|捷安特|2", "Rockbros|洛克兄弟|1", "Decathlon|迪卡侬|1", "Garmin|佳明|3")
                .products("Cycling Helmet|骑行头盔", "Bike Light|自行车灯|0.5", "Bike Computer|骑行码表|3.0",
                        "Cycling Gloves|骑行手套|0.5", "Bike Lock|自行车锁|0.6")
                .features("Breathable|透气", "USB-Rechargeable|USB充电", "Reflective|反光")
                .colours("Black", "White", "Red")
                .materials("EPS", "Aluminium|铝合金", "Polyester|涤纶");
        tree.leaf("Camping|露营装备", 1.0, 599, 0.65).season(Season.SUMMER_SPORTS)
                .brands("Naturehike|挪客|1", "Coleman|科勒曼|2", "Mobi Garden|牧高笛|2", "Snow Peak|雪峰|3")
                .products("Camping Tent|露营帐篷", "Sleeping Bag|睡袋|0.5", "Folding Camp Chair|折叠露营椅|0.3",
                        "Camping Lantern|露营灯|0.2")
                .features("Waterproof|防水", "Ultralight|超轻", "Family-Size|家庭款", "Quick-Setup|速开")
                .specs("2-Person|双人", "4-Person|四人")
                .colours("Green", "Khaki", "Grey", "Orange")
                .materials("Nylon|尼龙", "Polyester|涤纶");
        tree.leaf("Swimming|游泳", 0.7, 129, 0.55).season(Season.SWIMMING)
                .brands("Speedo|速比涛|2", "Arena|阿瑞娜|2", "Li-Ning|李宁|1", "Yingfa|英发|1")
                .products("Swim Goggles|泳镜|0.6", "Swimsuit|泳衣|1.5", "Swim Cap|泳帽|0.3", "Swim Trunks|泳裤")
                .features("Anti-Fog|防雾", "Quick-Dry|速干", "Chlorine-Resistant|抗氯")
                .sizes(CLOTHING)
                .colours("Black", "Blue", "Red")
                .materials("Nylon|尼龙", "Silicone|硅胶");
        tree.leaf("Running shoes|跑鞋", 1.5, 599, 0.45).season(Season.SUMMER_SPORTS)
                .brands("Nike|耐克|3", "Adidas|阿迪达斯|3", "Asics|亚瑟士|2", "Li-Ning|李宁|2", "Anta|安踏|1", "Xtep|特步|1")
                .products("Running Shoes|跑步鞋", "Trail Running Shoes|越野跑鞋|1.2", "Racing Shoes|竞速跑鞋|1.4")
                .features("Cushioned|缓震", "Breathable|透气", "Carbon-Plate|碳板")
                .sizes("38|38码", "39|39码", "40|40码", "41|41码", "42|42码", "43|43码", "44|44码")
                .colours("Black", "White", "Blue", "Red", "Grey")
                .materials("Mesh|网面", "Knit|针织");

        tree.top("Health|医药健康",
                "Easy to use at home|居家使用方便", "Gentle and safe|温和安全", "Popular with seniors|中老年人喜爱");
        tree.leaf("Reading glasses|老花镜", 0.8, 159, 0.55)
                .brands("Essilor|依视路|3", "Zeiss|蔡司|3", "Bolon|暴龙|2", "Helen Keller|海伦凯勒|2", "Mingyue|明月|1")
                .products("Reading Glasses|老花镜", "Blue-Light Reading Glasses|防蓝光老花镜|1.3",
                        "Progressive Reading Glasses|渐进多焦点老花镜|2.0")
                .features("Lightweight|轻盈", "Anti-Glare|防眩光", "Foldable|折叠")
                .specs("+1.0", "+1.5", "+2.0", "+2.5", "+3.0")
                .colours("Black", "Gold", "Brown", "Tortoiseshell")
                .materials("Titanium|钛合金", "TR90");
        tree.leaf("Supplements|保健品", 1.5, 199, 0.5).repurchaseDays(45)
                .brands("By-health|汤臣倍健|2", "Swisse|2", "Centrum|善存|2", "Blackmores|澳佳宝|2", "GNC|3")
                .products("Fish Oil Softgels|深海鱼油软胶囊", "Calcium + Vitamin D|钙维生素D片", "Multivitamin|复合维生素",
                        "Whey Protein Powder|乳清蛋白粉|1.5", "Glucosamine Joint Care|氨糖软骨素|1.3")
                .features("Imported|进口", "High-Potency|高含量")
                .specs("60 Tablets|60粒", "120 Tablets|120粒");
        tree.leaf("Blood pressure monitors|血压计", 0.5, 299, 0.35).modelNames()
                .brands("Omron|欧姆龙|3", "Yuwell|鱼跃|2", "Sinocare|三诺|1", "Andon|九安|1")
                .products("Blood Pressure Monitor|电子血压计", "Upper-Arm Monitor|上臂式血压计|1.2",
                        "Wrist Monitor|手腕式血压计|0.8")
                .features("Voice-Broadcast|语音播报", "Large-Display|大屏", "Smart|智能")
                .colours("White");
        tree.leaf("Massagers|按摩器材", 0.8, 399, 0.6).modelNames().giftable()
                .brands("OSIM|傲胜|3", "SKG|2", "Breo|倍轻松|2", "Xiaomi|小米|1")
                .products("Neck Massager|颈椎按摩仪", "Massage Gun|筋膜枪|0.8", "Foot Massager|足疗机|1.5",
                        "Eye Massager|眼部按摩仪|0.6")
                .features("Heated|热敷", "Cordless|无线", "Multi-Mode|多档")
                .colours("White", "Grey", "Black");

        tree.top("Garden|园艺",
                "Thrives indoors and out|室内室外皆宜", "Beginner friendly|新手友好", "Brightens any balcony|装点阳台");
        tree.leaf("Plants|绿植花卉", 1.0, 59, 0.6).season(Season.SPRING_GARDEN)
                .brands("Garden Joy|花园乐|1", "Greenery|绿意|1", "Florist Lane|花间小径|2", "Yunnan Flowers|云南花卉|1")
                .products("Succulent Set|多肉植物组合", "Potted Monstera|龟背竹盆栽|1.5", "Vegetable Seeds|蔬菜种子|0.3",
                        "Rose Seedlings|月季花苗|0.8", "Orchid|兰花|2.0")
                .features("Easy-Care|好养", "Air-Purifying|净化空气", "Flowering|开花")
                .specs("Set of 3|3盆装", "Set of 6|6盆装");
        tree.leaf("Planters|花盆", 0.7, 49, 0.5).season(Season.SPRING_GARDEN)
                .brands("Garden Joy|花园乐|1", "Greenery|绿意|1", "Lechuza|3", "IKEA|宜家|1")
                .products("Ceramic Planter|陶瓷花盆", "Self-Watering Pot|自吸水花盆", "Hanging Planter|吊篮花盆")
                .features("Minimalist|简约", "Large|大号", "Drainage-Hole|带排水孔")
                .colours("White", "Grey", "Green", "Terracotta")
                .materials("Ceramic|陶瓷", "Plastic|塑料", "Resin|树脂");
        tree.leaf("Garden tools|园艺工具", 0.8, 129, 0.55).season(Season.SPRING_GARDEN)
                .brands("Gardena|嘉丁拿|3", "Fiskars|菲斯卡|3", "Bosch|博世|2", "Deli|得力|1")
                .products("Pruning Shears|修枝剪", "Garden Hose Set|浇水软管套装", "Cordless Hedge Trimmer|电动绿篱机|3.0",
                        "Gardening Tool Set|园艺工具套装")
                .features("Ergonomic|人体工学", "Rust-Proof|防锈", "Heavy-Duty|加厚")
                .colours("Green", "Orange", "Black")
                .materials("Steel|钢", "Aluminium|铝合金");

        tree.top("Books|图书",
                "Loved by readers|读者好评如潮", "Beautifully printed|印刷精美", "A great gift|送礼佳品");
        tree.leaf("Children's books|童书", 1.0, 39, 0.45).giftable()
                .brands("CITIC Press|中信出版社|2", "Jieli Publishing|接力出版社|1", "Penguin Random House|企鹅兰登|2",
                        "21st Century Publishing|二十一世纪出版社|1")
                .products("Picture Book|绘本", "Bedtime Stories|睡前故事", "Science Encyclopedia for Kids|少儿百科全书|2.0")
                .features("Illustrated|彩绘", "Bilingual|中英双语", "Hardcover|精装")
                .specs("Ages 3-6|3-6岁", "Ages 6-12|6-12岁");
        tree.leaf("Fiction|小说", 1.0, 49, 0.35)
                .brands("People's Literature|人民文学出版社|2", "Penguin Random House|企鹅兰登|2", "Yilin Press|译林出版社|2",
                        "Shanghai Translation|上海译文出版社|2")
                .products("Novel|长篇小说", "Short Stories|短篇小说集", "Classic Literature|经典名著", "Science Fiction|科幻小说")
                .features("Bestselling|畅销", "Award-Winning|获奖", "Collector's Edition|典藏版")
                .specs("Paperback|平装", "Hardcover|精装");
        tree.leaf("Exam prep|考试教辅", 0.8, 59, 0.35).season(Season.EXAMS)
                .brands("New Oriental|新东方|2", "Higher Education Press|高等教育出版社|2", "Cambridge|剑桥|3",
                        "Spark English|星火英语|1")
                .products("IELTS Vocabulary|雅思词汇", "Postgraduate Exam Maths|考研数学", "CET-4 Past Papers|四级真题",
                        "TOEFL Guide|托福指南")
                .features("Latest Edition|最新版", "With Answers|附答案", "Illustrated|图解");

        tree.top("Food & Drink|食品饮料",
                "Fresh batch|新鲜批次", "No artificial colours|无人工色素", "Rich, authentic taste|口感醇正");
        tree.leaf("Coffee|咖啡", 1.0, 89, 0.5).repurchaseDays(30)
                .brands("Nescafé|雀巢|1", "Starbucks|星巴克|2", "Saturnbird|三顿半|2", "Illy|意利|3", "Luckin|瑞幸|1")
                .products("Instant Coffee|速溶咖啡", "Coffee Beans|咖啡豆|1.5", "Drip Coffee Bags|挂耳咖啡",
                        "Coffee Capsules|咖啡胶囊|1.3")
                .features("Dark Roast|深烘", "Medium Roast|中烘", "Single-Origin|单一产地", "Cold-Brew|冷萃")
                .specs("250g", "500g", "Box of 24|24颗装");
        tree.leaf("Tea|茶叶", 1.0, 199, 0.7).repurchaseDays(40).giftable().season(Season.TEA)
                .brands("Wuyutai|吴裕泰|2", "Zhang Yiyuan|张一元|2", "Bama Tea|八马茶业|2", "Lipton|立顿|1", "Dayi|大益|3")
                .products("West Lake Longjing Green Tea|西湖龙井", "Pu'er Tea Cake|普洱茶饼|1.5", "Oolong Tea|铁观音乌龙茶",
                        "Jasmine Tea|茉莉花茶|0.6", "Black Tea Bags|红茶包|0.3")
                .features("Premium|特级", "Spring-Harvest|明前", "Gift-Box|礼盒装")
                .specs("100g", "250g", "500g");
        tree.leaf("Snacks|零食", 1.5, 49, 0.5).repurchaseDays(20)
                .brands("Three Squirrels|三只松鼠|1", "BE&CHEERY|百草味|1", "Bestore|良品铺子|1", "Oreo|奥利奥|1",
                        "Lay's|乐事|1", "Ferrero|费列罗|3")
                .products("Mixed Nuts|每日坚果", "Potato Chips|薯片|0.4", "Beef Jerky|牛肉干", "Chocolate Gift Box|巧克力礼盒|2.0",
                        "Spicy Snack Pack|辣味零食大礼包")
                .features("Family-Size|家庭装", "Low-Sugar|低糖", "Spicy|香辣")
                .specs("500g", "1kg");

        tree.top("Pets|宠物",
                "Vet recommended|兽医推荐", "For happy, healthy pets|宠物健康好选择", "Easy for owners|铲屎官省心");
        tree.leaf("Cat food|猫粮", 1.0, 199, 0.5).repurchaseDays(30)
                .brands("Royal Canin|皇家|2", "Orijen|渴望|3", "Purina|普瑞纳|1", "Myfoodie|麦富迪|1", "Ziwi|巅峰|3")
                .products("Dry Cat Food|猫粮", "Wet Cat Food Cans|猫罐头|0.8", "Freeze-Dried Cat Treats|冻干猫零食|0.6")
                .features("Grain-Free|无谷", "Kitten|幼猫", "Indoor|室内猫", "High-Protein|高蛋白")
                .specs("1.5kg", "4kg", "10kg");
        tree.leaf("Cat litter|猫砂", 0.7, 69, 0.4).repurchaseDays(21)
                .brands("Pidan|2", "Ever Clean|蓝钻|3", "Petkit|小佩|2", "Yoken|怡亲|1")
                .products("Tofu Cat Litter|豆腐猫砂", "Bentonite Cat Litter|膨润土猫砂", "Mixed Cat Litter|混合猫砂")
                .features("Dust-Free|无尘", "Clumping|结团", "Odour-Control|除臭")
                .specs("6L", "10kg");

        List<Term> tops = new ArrayList<>();
        List<LeafCategory> leaves = new ArrayList<>();
        for (Builder b : tree.leaves) {
            if (!tops.contains(b.top)) {
                tops.add(b.top);
            }
            leaves.add(b.build(leaves.size(), tops.indexOf(b.top)));
        }
        TOPS = List.copyOf(tops);
        LEAVES = List.copyOf(leaves);
        List<List<Term>> points = new ArrayList<>();
        for (Term top : TOPS) {
            points.add(tree.points.get(top));
        }
        TOP_POINTS = List.copyOf(points);

        COMPLEMENTS = new int[LEAVES.size()][];
        COMPLEMENT_WEIGHTS = new double[LEAVES.size()][];
        Arrays.fill(COMPLEMENTS, new int[0]);
        Arrays.fill(COMPLEMENT_WEIGHTS, new double[0]);
        complement("Phones", "Phone cases", 0.55, "Chargers", 0.3, "Headphones", 0.15);
        complement("Cameras", "Memory cards", 1.0);
        complement("Laptops", "Mice & keyboards", 1.0);
        complement("Strollers", "Toys", 1.0);
        complement("Baby formula", "Baby bottles", 1.0);
        complement("Bicycles", "Cycling accessories", 1.0);
        complement("Plants", "Planters", 0.6, "Garden tools", 0.4);
        complement("Cat food", "Cat litter", 1.0);
        complement("Dresses", "Handbags", 1.0);
        complement("Reading glasses", "Fiction", 1.0);
    }

    private Taxonomy() {
    }

    /** Index of a leaf by its own English name ("Phones") or full path ("Electronics > Phones"); -1 if none. */
    static int leafIndex(String name) {
        for (LeafCategory leaf : LEAVES) {
            if (leaf.name().en().equals(name) || leaf.path().equals(name)) {
                return leaf.index();
            }
        }
        return -1;
    }

    static int topIndex(String name) {
        for (int t = 0; t < TOPS.size(); t++) {
            if (TOPS.get(t).en().equals(name)) {
                return t;
            }
        }
        return -1;
    }

    private static void complement(String from, Object... targetsAndWeights) {
        int f = requireLeaf(from);
        int n = targetsAndWeights.length / 2;
        int[] to = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            to[i] = requireLeaf((String) targetsAndWeights[2 * i]);
            w[i] = (Double) targetsAndWeights[2 * i + 1];
        }
        COMPLEMENTS[f] = to;
        COMPLEMENT_WEIGHTS[f] = w;
    }

    private static int requireLeaf(String name) {
        int i = leafIndex(name);
        if (i < 0) {
            throw new IllegalStateException("unknown leaf category in the taxonomy: " + name);
        }
        return i;
    }

    private static Map<String, Term> palette(String... terms) {
        Map<String, Term> m = new HashMap<>();
        for (String t : terms) {
            Term term = Term.parse(t);
            m.put(term.en(), term);
        }
        return m;
    }

    /** Collects leaves in declaration order while the static tables are built. */
    private static final class Tree {
        private final List<Builder> leaves = new ArrayList<>();
        private final Map<Term, List<Term>> points = new HashMap<>();
        private Term currentTop;

        void top(String spec, String... sellingPoints) {
            currentTop = Term.parse(spec);
            points.put(currentTop, terms(sellingPoints));
        }

        Builder leaf(String spec, double weight, double median, double spread) {
            Builder b = new Builder(currentTop, Term.parse(spec), weight, median, spread);
            leaves.add(b);
            return b;
        }
    }

    private static List<Term> terms(String... specs) {
        List<Term> out = new ArrayList<>(specs.length);
        for (String s : specs) {
            out.add(Term.parse(s));
        }
        return out;
    }

    /** Fluent description of one leaf; only used while the static tables are built. */
    private static final class Builder {
        private final Term top;
        private final Term name;
        private final double weight;
        private final double median;
        private final double spread;
        private final List<Brand> brands = new ArrayList<>();
        private final List<Product> products = new ArrayList<>();
        private List<Term> features = List.of();
        private List<Term> specs = List.of();
        private List<Term> colours = List.of();
        private List<Term> sizes = List.of();
        private List<Term> materials = List.of();
        private int repurchaseDays;
        private boolean modelNames;
        private boolean giftable;
        private Season season = Season.FLAT;

        Builder(Term top, Term name, double weight, double median, double spread) {
            this.top = top;
            this.name = name;
            this.weight = weight;
            this.median = median;
            this.spread = spread;
        }

        /** "English|中文|tier", or "Name|tier" when the brand is written the same in both languages. */
        Builder brands(String... specs) {
            for (String s : specs) {
                String[] p = s.split("\\|");
                Term t = p.length == 3 ? new Term(p[0], p[1]) : new Term(p[0], p[0]);
                brands.add(new Brand(t, Integer.parseInt(p[p.length - 1])));
            }
            return this;
        }

        /** "English|中文" or "English|中文|priceFactor". */
        Builder products(String... specs) {
            for (String s : specs) {
                String[] p = s.split("\\|");
                products.add(new Product(new Term(p[0], p[1]), p.length == 3 ? Double.parseDouble(p[2]) : 1.0));
            }
            return this;
        }

        Builder features(String... v) {
            features = terms(v);
            return this;
        }

        Builder specs(String... v) {
            specs = terms(v);
            return this;
        }

        Builder sizes(String... v) {
            sizes = terms(v);
            return this;
        }

        Builder materials(String... v) {
            materials = terms(v);
            return this;
        }

        Builder colours(String... names) {
            List<Term> out = new ArrayList<>();
            for (String n : names) {
                Term t = PALETTE.get(n);
                if (t == null) {
                    throw new IllegalStateException("colour not in the palette: " + n);
                }
                out.add(t);
            }
            colours = out;
            return this;
        }

        Builder repurchaseDays(int days) {
            repurchaseDays = days;
            return this;
        }

        Builder modelNames() {
            modelNames = true;
            return this;
        }

        Builder giftable() {
            giftable = true;
            return this;
        }

        Builder season(Season s) {
            season = s;
            return this;
        }

        LeafCategory build(int index, int topIndex) {
            return new LeafCategory(index, top, topIndex, name, weight, median, spread, brands, products, features,
                    specs, colours, sizes, materials, repurchaseDays, modelNames, giftable, season);
        }
    }
}
