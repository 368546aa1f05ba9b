// The age-encryption library (typage, by age's author): the profile form seals a
// hidden email to the hub's recipients in the browser, so the plaintext never
// leaves the page. Exposed whole: join.js uses Encrypter and armor.encode.
import * as age from "age-encryption";

globalThis.MentorhubAge = age;
