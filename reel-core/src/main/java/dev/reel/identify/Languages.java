package dev.reel.identify;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Language words in release names and their ISO 639-1 codes ({@code mul} for several, {@code und}
 * for undetermined). English and native names, ISO 639-2 codes and scene tags (VF, VFF, TRUEFRENCH)
 * are known; two- and three-letter codes are weak, since they are also words.
 */
public final class Languages {
  private static final Map<String, String> NAMES = new HashMap<>();
  private static final Map<String, String> CODES = new HashMap<>();
  private static final Map<String, String> COUNTRIES = new HashMap<>();

  private Languages() {}

  private static void lang(String code, String names, String codes) {
    for (String n : names.split(",")) {
      NAMES.put(n, code);
    }
    for (String c : codes.split(",")) {
      if (!c.isEmpty()) {
        CODES.put(c, code);
      }
    }
    CODES.put(code, code);
  }

  static {
    lang("en", "english,anglais,ingles", "eng");
    lang("fr", "french,francais,français,truefrench,vf,vff,vfq,vfi,vf2", "fre,fra");
    lang("es", "spanish,espanol,español,castellano,castilian,latino", "spa,esp");
    lang("de", "german,deutsch,allemand", "ger,deu");
    lang("de-CH", "swissgerman,schweizerdeutsch", "");
    lang("it", "italian,italiano,ita", "");
    lang("pt", "portuguese,portugues,português", "por");
    lang("nl", "dutch,nederlands", "dut,nld");
    lang("nl-BE", "flemish,vlaams", "");
    lang("ru", "russian,russe", "rus");
    lang("ja", "japanese,japonais", "jpn,jap,jp");
    lang("zh", "chinese,mandarin,cantonese", "chi,zho");
    lang("ko", "korean", "kor");
    lang("ar", "arabic", "ara");
    lang("hi", "hindi", "hin");
    lang("sv", "swedish,svenska", "swe");
    lang("no", "norwegian,norsk", "nor");
    lang("da", "danish,dansk", "dan");
    lang("fi", "finnish,suomi", "fin");
    lang("pl", "polish,polski", "pol");
    lang("cs", "czech", "cze,ces,cz");
    lang("hu", "hungarian,magyar", "hun");
    lang("el", "greek", "gre,ell");
    lang("tr", "turkish", "tur");
    lang("he", "hebrew", "heb");
    lang("ca", "catalan,catala,català", "cat");
    lang("uk", "ukrainian", "ukr");
    lang("ro", "romanian", "rum,ron");
    lang("th", "thai", "tha");
    lang("vi", "vietnamese", "vie");
    lang("fa", "persian,farsi", "per,fas");
    lang("ta", "tamil", "tam");
    lang("te", "telugu", "tel");
    lang("id", "indonesian", "ind");
    lang("mul", "multi,multilang,multilanguage,multiple,multiple languages", "");
    lang("und", "undetermined,undefined,dublado,dubbed", "");
    for (String[] c :
        new String[][] {
          {"us", "US"},
          {"usa", "US"},
          {"uk", "GB"},
          {"gb", "GB"},
          {"au", "AU"},
          {"nz", "NZ"},
          {"ca", "CA"},
          {"ie", "IE"},
          {"united kingdom", "GB"},
          {"united states", "US"},
          {"australia", "AU"}
        }) {
      COUNTRIES.put(c[0], c[1]);
    }
  }

  /** The code for a language name or scene tag (not a bare code), or null. */
  static String byName(String lowerWord) {
    return NAMES.get(lowerWord);
  }

  /** The code for an ISO 639-1/-2 code, or null. */
  static String byCode(String lowerWord) {
    return CODES.get(lowerWord);
  }

  /** The ISO 3166 alpha-2 code for a country word, or null. */
  static String country(String lowerWord) {
    return COUNTRIES.get(lowerWord);
  }

  /**
   * Normalises a language as any tool writes it ("French", "fr", "fre", "fr-CA", "Multiple
   * languages") to one ISO 639-1 code, so that results can be compared; unknown text is returned
   * lower-cased.
   */
  public static String normalize(String language) {
    String l = language.strip().toLowerCase(Locale.ROOT);
    String base = l.contains("-") && l.length() <= 6 ? l.substring(0, l.indexOf('-')) : l;
    String code = NAMES.get(base);
    if (code == null) {
      code = CODES.get(base);
    }
    if (code == null) {
      return l;
    }
    return base.equals(l) ? code : code + l.substring(l.indexOf('-'));
  }

  /** The ISO 639-1 code of a language name, scene tag or code ("English", "eng", "en"), or null. */
  public static String code(String word) {
    String l = word.strip().toLowerCase(Locale.ROOT);
    String code = NAMES.get(l);
    return code != null ? code : CODES.get(l);
  }

  /** Normalises a country ("UK", "United Kingdom", "GB") to ISO 3166 alpha-2. */
  public static String normalizeCountry(String country) {
    String c = COUNTRIES.get(country.strip().toLowerCase(Locale.ROOT));
    return c == null ? country.strip().toUpperCase(Locale.ROOT) : c;
  }
}
