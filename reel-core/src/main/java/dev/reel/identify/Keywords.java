package dev.reel.identify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words and abbreviations release names use, each with the properties it sets. Keys are lower
 * case with everything but letters and digits removed, so that "WEB-DL", "Web.DL" and "WEBDL" are
 * one key; a key may span up to three tokens.
 *
 * <p>A weak keyword is also an ordinary word ("Final", "Limited", "HD", "DC"): it counts only after
 * the title has ended, which the parser decides from the strong matches.
 */
final class Keywords {
  /** One property a keyword sets. */
  record Assign(String property, Object value) {}

  /** What a key means. */
  record Entry(List<Assign> assigns, boolean weak) {}

  private static final Map<String, Entry> TABLE = new HashMap<>();
  static final int MAX_SPAN = 3;
  private static final java.util.Set<String> PREFIXES = new java.util.HashSet<>();

  private Keywords() {}

  /** Whether some key starts with {@code start} and is longer: only then can a span grow. */
  static boolean startsLongerKey(String start) {
    return PREFIXES.contains(start);
  }

  static Entry lookup(String key) {
    return TABLE.get(key);
  }

  private static void strong(String keys, String... assigns) {
    add(keys, false, assigns);
  }

  private static void weak(String keys, String... assigns) {
    add(keys, true, assigns);
  }

  private static void add(String keys, boolean weak, String... assigns) {
    List<Assign> list =
        java.util.Arrays.stream(assigns)
            .map(
                a -> {
                  int eq = a.indexOf('=');
                  String p = a.substring(0, eq);
                  String v = a.substring(eq + 1);
                  Object value = p.equals("proper_count") ? (Object) Integer.valueOf(v) : v;
                  return new Assign(p, value);
                })
            .toList();
    for (String k : keys.split(" ")) {
      TABLE.put(k, new Entry(list, weak));
      for (int end = 1; end < k.length(); end++) {
        PREFIXES.add(k.substring(0, end));
      }
    }
  }

  static {
    // sources
    strong("hdtv hdtvrip", "source=HDTV");
    strong("hdtvrip", "source=HDTV", "other=Rip");
    strong("pdtv dtv dvb digitaltv", "source=Digital TV");
    strong("dvbrip pdtvrip dtvrip", "source=Digital TV", "other=Rip");
    strong("ahdtv", "source=Analog HDTV");
    strong("uhdtv", "source=Ultra HDTV");
    strong("tvrip", "source=TV", "other=Rip");
    strong("satrip", "source=Satellite", "other=Rip");
    strong("dsrip dthrip", "source=Satellite", "other=Rip");
    strong("dsr", "source=Satellite");
    strong("webdl webhd webuhd", "source=Web");
    weak("web", "source=Web");
    strong("webrip webcap", "source=Web", "other=Rip");
    strong("webdlrip", "source=Web", "other=Rip");
    strong("bluray bdmv bd bd25 bd50 bd5 bd9", "source=Blu-ray");
    strong("bdrip bdr blurayrip", "source=Blu-ray", "other=Rip");
    strong("brrip", "source=Blu-ray", "other=Rip", "other=Reencoded");
    strong("uhdbluray uhdbd ultrahdbluray", "source=Ultra HD Blu-ray");
    strong("uhdbdrip", "source=Ultra HD Blu-ray", "other=Rip");
    strong("uhdbrrip", "source=Ultra HD Blu-ray", "other=Rip", "other=Reencoded");
    strong("dvd dvdr dvd5 dvd9 ntscdvd paldvd dvdivx", "source=DVD");
    strong("dvdrip dvdmux", "source=DVD", "other=Rip");
    strong("hddvd", "source=HD-DVD");
    strong("hddvdrip", "source=HD-DVD", "other=Rip");
    strong("vhs", "source=VHS");
    strong("vhsrip", "source=VHS", "other=Rip");
    strong("cam camrip", "source=Camera");
    strong("hdcam", "source=HD Camera");
    strong("telesync ts pdvd", "source=Telesync");
    strong("hdts hdtelesync", "source=HD Telesync");
    strong("hdtsrip", "source=HD Telesync", "other=Rip");
    strong("telecine tc", "source=Telecine");
    strong("workprint wp", "source=Workprint");
    strong("dm digitalmaster", "source=Digital Master");
    strong("ppv ppvrip", "source=Pay-per-view");
    strong("vod vodrip", "source=Video on Demand");
    strong("hdcamrip", "source=HD Camera", "other=Rip");
    strong("telesyncrip tsrip hdtsrip", "source=Telesync", "other=Rip");
    strong("hdtc hdtelecine", "source=HD Telecine");
    strong("hdtcrip hdtelecinerip", "source=HD Telecine", "other=Rip");
    strong("telecinerip tcrip", "source=Telecine", "other=Rip");
    strong("sdtv", "source=TV");
    strong("sdtvrip riptv tvdub", "source=TV", "other=Rip");
    strong("dmrip", "source=Digital Master", "other=Rip");
    strong("dsrrip", "source=Satellite", "other=Rip");
    strong("dth", "source=Satellite");
    strong("webcaprip", "source=Web", "other=Rip");
    strong("uhdrip uhdtvrip", "source=Ultra HDTV", "other=Rip");
    strong("netflixuhdrip", "source=Ultra HDTV", "other=Rip", "streaming_service=Netflix");
    strong("bdscreener", "source=Blu-ray", "other=Screener");
    strong("brscr brscreener", "source=Blu-ray", "other=Screener", "other=Reencoded");
    strong("camrip", "source=Camera", "other=Rip");
    strong("hdrip", "other=HD", "other=Rip");
    strong("videots", "source=DVD");
    // video codecs and profiles
    strong("x264 h264 h264avc avc", "video_codec=H.264");
    strong("x265 h265 hevc", "video_codec=H.265");
    strong("xvid", "video_codec=Xvid");
    strong("divx dvdivx", "video_codec=DivX");
    strong("mpeg2 mpeg2video h262 x262 mpg2", "video_codec=MPEG-2");
    strong("vc1", "video_codec=VC-1");
    strong("h263 x263", "video_codec=H.263");
    strong("vp7", "video_codec=VP7");
    strong("vp8 vp80", "video_codec=VP8");
    strong("vp9", "video_codec=VP9");
    strong("av1", "video_codec=AV1");
    strong("rv10 rv13 rv20 rv30 rv40", "video_codec=RealVideo");
    strong("hi10p hi10", "video_profile=High 10", "color_depth=10-bit");
    strong("ma10p", "video_profile=Main 10", "color_depth=10-bit"); // VCB-Studio's "Ma10p_1080p"
    strong("10bit 10bits", "color_depth=10-bit");
    strong("8bit 8bits", "color_depth=8-bit");
    strong("12bit 12bits", "color_depth=12-bit");
    strong("avchd", "video_profile=Advanced Video Codec High Definition");
    strong("svc", "video_profile=Scalable Video Coding");
    // audio
    strong("ac3 dd dolbydigital ac3d", "audio_codec=Dolby Digital");
    weak("dolby", "audio_codec=Dolby Digital");
    strong("ddex ac3ex", "audio_codec=Dolby Digital", "audio_profile=EX");
    strong("eac3 ddp dolbydigitalplus", "audio_codec=Dolby Digital Plus");
    strong("truehd dolbytruehd", "audio_codec=Dolby TrueHD");
    strong("atmos dolbyatmos", "audio_codec=Dolby Atmos");
    strong("dts", "audio_codec=DTS");
    strong("dtshd", "audio_codec=DTS-HD");
    strong("dtshdma dtsma", "audio_codec=DTS-HD", "audio_profile=Master Audio");
    strong(
        "dtshdhra dtshra dtshdhr dtshr",
        "audio_codec=DTS-HD",
        "audio_profile=High Resolution Audio");
    strong("dtses", "audio_codec=DTS", "audio_profile=Extended Surround");
    strong("dtsx", "audio_codec=DTS:X");
    strong("aac", "audio_codec=AAC");
    strong("heaac aache", "audio_codec=AAC", "audio_profile=High Efficiency");
    strong("aaclc", "audio_codec=AAC", "audio_profile=Low Complexity");
    strong("flac", "audio_codec=FLAC");
    strong("mp3 lame", "audio_codec=MP3");
    strong("mp2", "audio_codec=MP2");
    strong("opus", "audio_codec=Opus");
    strong("vorbis ogg", "audio_codec=Vorbis");
    strong("lpcm", "audio_codec=LPCM");
    strong("pcm", "audio_codec=PCM");
    strong("5ch 6ch", "audio_channels=5.1");
    strong("7ch 8ch", "audio_channels=7.1");
    strong("2ch stereo", "audio_channels=2.0");
    strong("1ch mono", "audio_channels=1.0");
    // other
    weak("proper", "other=Proper", "proper_count=1");
    strong("repack rerip", "other=Proper", "proper_count=1");
    weak("real", "other=Proper", "proper_count=1");
    strong("internal", "other=Internal");
    weak("complete complet", "other=Complete");
    weak("thecomplete completeseries completeseasons", "other=Complete");
    strong("seasoncomplete", "other=Complete");
    strong("legendado legendas subtitulado", "subtitle_language=und");
    weak("hd", "other=HD");
    weak("hr", "other=High Resolution");
    weak("hq", "other=High Quality");
    strong("fhd fullhd", "other=Full HD");
    strong("uhd ultrahd", "other=Ultra HD");
    weak("ultra", "other=Ultra HD");
    strong("mhd microhd", "other=Micro HD");
    strong("dualaudio dual", "other=Dual Audio");
    weak("3d", "other=3D");
    strong("hdr hdr10", "other=HDR10");
    strong("hdr10plus", "other=HDR10+");
    strong("dovi dolbyvision", "other=Dolby Vision");
    weak("dv", "other=Dolby Vision");
    strong("bt2020", "other=BT.2020");
    strong("ntsc", "other=NTSC");
    strong("pal", "other=PAL");
    strong("secam", "other=SECAM");
    strong("remux", "other=Remux");
    strong("readnfo", "other=Read NFO");
    weak("repost", "other=Repost");
    strong("fix dirfix nfofix samplefix prooffix", "other=Fix");
    strong("ws widescreen", "other=Widescreen");
    weak("sample", "other=Sample");
    weak("trailer", "other=Trailer");
    strong("xxx", "other=XXX");
    strong("docu documentary doku", "other=Documentary");
    weak("line", "other=Line Audio");
    strong("linedubbed", "other=Line Dubbed");
    weak("ld", "other=Line Dubbed");
    strong("obfuscated", "other=Obfuscated");
    strong("eastcoastfeed eastfeed", "other=East Coast Feed");
    strong("westcoastfeed westfeed", "other=West Coast Feed");
    strong("vfr", "other=Variable Frame Rate");
    strong("ituneshd hditunes", "streaming_service=iTunes", "other=HD");
    strong("amazonhd amznhd", "streaming_service=Amazon Prime", "other=HD");
    strong("dublado", "language=und");
    weak("dubbed dub", "language=und");
    strong("netflixuhd", "streaming_service=Netflix", "other=Ultra HD");
    strong("preair", "other=Preair");
    strong("upscaled upscale", "other=Upscaled");
    strong("openmatte", "other=Open Matte");
    strong("stv", "other=Straight to Video");
    strong("screener scr", "other=Screener");
    strong("dvdscr dvdscreener", "source=DVD", "other=Screener");
    strong("bdscr", "source=Blu-ray", "other=Screener");
    strong("r5", "other=Region 5");
    strong("reenc reencoded", "other=Reencoded");
    strong("fastsub fastsubtitled", "other=Fast Subtitled");
    strong("mux", "other=Mux");
    strong("hdtvmux", "source=HDTV", "other=Mux");
    strong("dlmux webmux webdlmux", "source=Web", "other=Mux");
    weak("dl", "language=mul");
    strong("bdmux bluraymux", "source=Blu-ray", "other=Mux");
    strong("brmux", "source=Blu-ray", "other=Reencoded", "other=Mux");
    strong("bdripmux", "source=Blu-ray", "other=Rip", "other=Mux");
    strong("brripmux", "source=Blu-ray", "other=Reencoded", "other=Rip", "other=Mux");
    strong("dvdmux", "source=DVD", "other=Mux");
    strong("convert converted", "other=Converted");
    weak("om", "other=Open Matte");
    weak("se", "edition=Special");
    strong("hfr", "other=High Frame Rate");
    weak("extras", "other=Extras");
    strong("2in1", "other=2in1");
    strong("oad", "other=Original Animation DVD");
    strong("ova", "other=Original Video Animation");
    weak("ona", "other=Original Net Animation");
    strong("oar", "other=Original Aspect Ratio");
    strong("sdr", "other=Standard Dynamic Range");
    weak("hc", "other=Hardcoded Subtitles");
    strong("hardcoded hardsub hardsubs", "other=Hardcoded Subtitles");
    strong("colorized colourized", "other=Colorized");
    strong("fansub fansubbed", "other=Fan Subtitled");
    weak("vo", "other=Original Video");
    strong("psvita", "other=PS Vita");
    weak("bonus", "other=Bonus");
    strong("dxva", "video_api=DXVA");
    strong("subs esub subbed subtitles", "subtitle_language=und");
    // Chinese fansub tags: simplified or traditional subtitles (and Japanese beside them)
    weak("gb", "subtitle_language=zh"); // "[GB]": simplified Chinese, the GB2312 way
    strong("chs cht big5 简体 繁体 简中 繁中 简日 繁日 简日双语 繁日双语 简繁 简繁日 简繁日双语 中文字幕 中字", "subtitle_language=zh");
    strong("简体内嵌 繁体内嵌 简日内嵌 繁日内嵌", "subtitle_language=zh", "other=Hardcoded Subtitles");
    strong("内嵌", "other=Hardcoded Subtitles");
    weak("mp4", "container=mp4");
    weak("mkv", "container=mkv");
    weak("avi", "container=avi");
    weak("wmv", "container=wmv");
    strong("hdlight", "other=Micro HD");
    weak("hybrid", "other=Hybrid");
    strong("ldtv", "other=Low Definition");
    weak("md", "other=Mic Dubbed");
    weak("rc", "other=Region C");
    strong("audiofix audiofixed", "other=Audio Fixed");
    strong("syncfix syncfixed", "other=Sync Fixed");
    // editions
    strong("directorscut directorcut", "edition=Director's Cut");
    weak("directors", "edition=Director's Cut");
    weak("dc", "edition=Director's Cut");
    weak("extended", "edition=Extended");
    strong("extendedcut extendededition", "edition=Extended");
    weak("limited", "edition=Limited");
    weak("special specialedition", "edition=Special");
    weak("theatrical", "edition=Theatrical");
    weak("ultimate", "edition=Ultimate");
    weak("criterion", "edition=Criterion");
    weak("collector collectors", "edition=Collector");
    weak("unrated", "edition=Unrated");
    weak("uncut", "edition=Uncut");
    weak("uncensored", "edition=Uncensored");
    strong("imax", "edition=IMAX");
    weak("remastered remaster", "edition=Remastered");
    strong("alternativecut alternatecut", "edition=Alternative Cut");
    weak("festival", "edition=Festival");
    weak("restored restore", "edition=Restored");
    weak("cc", "edition=Criterion");
    weak("alternate alternative", "edition=Alternative Cut");
    strong("ddc", "edition=Director's Definitive Cut");
    weak("finalcut thefinalcut", "edition=Final Cut");
    strong("fancollection fanedition", "edition=Fan");
    strong("editionspecial", "edition=Special");
    strong("editioncriterion", "edition=Criterion");
    strong("fanedit", "edition=Fan");
    strong("deluxe", "edition=Deluxe");
    strong("specialedition editionspeciale", "edition=Special");
    strong("limitededition", "edition=Limited");
    strong("ultimateedition ultimatecut", "edition=Ultimate");
    strong("criterionedition criterioncollection", "edition=Criterion");
    strong(
        "collectorsedition collectoredition editioncollector editioncollectors",
        "edition=Collector");
    strong("theatricalcut theatricaledition theatricalrelease", "edition=Theatrical");
    strong("remasteredition remasteredversion", "edition=Remastered");
    strong("uncutedition uncutversion", "edition=Uncut");
    strong("unratededition unratedcut", "edition=Unrated");
    strong("directorscutedition directorsedition", "edition=Director's Cut");
    // streaming services
    strong("amzn amazon amazonprime", "streaming_service=Amazon Prime");
    strong("nf netflix", "streaming_service=Netflix");
    strong("itunes", "streaming_service=iTunes");
    strong("hulu", "streaming_service=Hulu");
    strong("dsnp disney disneyplus", "streaming_service=Disney+");
    strong("hmax", "streaming_service=HBO Max");
    strong("atvp", "streaming_service=Apple TV+");
    strong("pcok", "streaming_service=Peacock");
    strong("ae", "streaming_service=A&E");
    strong("dcu", "streaming_service=DC Universe");
    strong("dramafever", "streaming_service=DramaFever");
    strong("viki", "streaming_service=Viki");
    strong("mbc", "streaming_service=MBC");
    strong("cbs", "streaming_service=CBS");
    strong("nbc", "streaming_service=NBC");
    weak("bbc", "streaming_service=BBC");
    strong("hbo", "streaming_service=HBO");
    strong("crunchyroll cr", "streaming_service=Crunchyroll");
    // episode details
    weak("pilot", "episode_details=Pilot");
    weak("unaired", "episode_details=Unaired");
    weak("final", "episode_details=Final");
  }
}
